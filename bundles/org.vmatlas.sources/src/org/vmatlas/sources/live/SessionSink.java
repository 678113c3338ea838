package org.vmatlas.sources.live;

import java.util.List;

import org.vmatlas.model.Session;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.syscall.Mapping;

/**
 * Feeds a poller's snapshots into an observed session
 * ({@code RegionModelService.openObservedSession}): each changed reading becomes one event, the
 * difference between the model and the process. When the process exits the session keeps what it
 * recorded and {@link #endedBy()} says why polling stopped.
 */
public final class SessionSink implements SnapshotSink {

    private final Session session;
    private final String source;
    private volatile ProcFailure ended;

    public SessionSink(Session session, long pid) {
        if (session == null) {
            throw new IllegalArgumentException("snapshots of process " + pid + " need a session");
        }
        this.session = session;
        this.source = "/proc/" + pid + "/maps";
    }

    /** Starts polling {@code pid} into {@code session} at {@link MapsPoller#DEFAULT_INTERVAL}. */
    public static MapsPoller follow(long pid, Session session) {
        return new MapsPoller(pid, new SessionSink(session, pid)).start();
    }

    /**
     * Hands the user-space mappings to the session. The {@code [vsyscall]} page (x86-64, at
     * {@code 0xffffffffff600000}) lies in kernel space, above every user address, and is left out: the model
     * covers the user address space only.
     */
    @Override
    public void snapshot(MapsSnapshot snapshot) {
        List<Mapping> mappings = snapshot.mappings();
        if (!mappings.isEmpty() && mappings.getLast().start() < 0) {
            mappings = mappings.stream().filter(m -> m.start() >= 0).toList();
        }
        session.applySnapshot(mappings, source);
    }

    @Override
    public void ended(ProcFailure failure) {
        ended = failure;
    }

    /** Why polling ended (the process exited, or may not be read), or {@code null} while it goes on. */
    public ProcFailure endedBy() {
        return ended;
    }

    public Session session() {
        return session;
    }
}
