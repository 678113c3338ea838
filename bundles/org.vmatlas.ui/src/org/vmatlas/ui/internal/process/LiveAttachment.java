package org.vmatlas.ui.internal.process;

import java.time.Duration;
import java.util.function.Consumer;

import org.vmatlas.model.Session;
import org.vmatlas.sources.live.MapsPoller;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.live.SnapshotSink;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcessInfo;

/**
 * One attached process: its observed session and the poller feeding it. When the process exits (or
 * stops being readable) the poller ends by itself and {@code ended} hears why, on the poller's thread;
 * the session keeps every event recorded until then.
 */
final class LiveAttachment {

    private final ProcessInfo process;
    private final Session session;
    private final MapsPoller poller;

    LiveAttachment(ProcessInfo process, Session session, Duration interval, Consumer<ProcFailure> ended) {
        this.process = process;
        this.session = session;
        SessionSink feed = new SessionSink(session, process.pid());
        this.poller = new MapsPoller(process.pid(), interval, new SnapshotSink() {
            @Override
            public void snapshot(MapsSnapshot snapshot) {
                feed.snapshot(snapshot);
            }

            @Override
            public void ended(ProcFailure failure) {
                feed.ended(failure);
                ended.accept(failure);
            }
        });
    }

    LiveAttachment start() {
        poller.start();
        return this;
    }

    /** Stops polling; waits for a reading under way, so call it off the UI thread. */
    void stop() {
        poller.stop();
    }

    boolean running() {
        return poller.running();
    }

    long pid() {
        return process.pid();
    }

    ProcessInfo process() {
        return process;
    }

    Session session() {
        return session;
    }
}
