package org.vmatlas.app.internal.headless;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.live.MapsPoller;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;

/**
 * A live process for a headless run: one reading of {@code /proc/PID/maps}, or readings for some
 * seconds. A process that cannot be read at the start is bad input; one that exits while it is being
 * followed ends the polling, and what was read before is written.
 */
final class ProcessSource {

    private ProcessSource() {
    }

    static Session load(long pid, double seconds, RegionModelService models, PrintStream log, BooleanSupplier cancelled)
            throws HeadlessFailure, InterruptedException {
        ProcResult<MapsSnapshot> first = new ProcReader().maps(pid);
        if (!first.isRead()) {
            throw HeadlessFailure.badInput(sentence(first.failure()));
        }
        Session session = models.openObservedSession("pid " + pid, pid);
        if (seconds <= 0) {
            new SessionSink(session, pid).snapshot(first.value());
            return session;
        }
        MapsPoller poller = SessionSink.follow(pid, session);
        try {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end && poller.endedBy() == null && !cancelled.getAsBoolean()) {
                Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
            }
        } finally {
            poller.close();
        }
        if (cancelled.getAsBoolean()) {
            throw HeadlessFailure.badInput("cancelled while following process " + pid);
        }
        if (poller.endedBy() != null) {
            if (session.timeline().size() == 0) {
                throw HeadlessFailure.badInput(sentence(poller.endedBy()));
            }
            log.println(Printable.of(poller.endedBy().message()) + "; writing what was read before");
        }
        return session;
    }

    private static String sentence(ProcFailure failure) {
        return switch (failure.kind()) {
            case EXITED -> "there is no process " + failure.pid() + " (it has exited, or never ran)";
            case NOT_PERMITTED, IO -> Printable.of(failure.message());
        };
    }
}
