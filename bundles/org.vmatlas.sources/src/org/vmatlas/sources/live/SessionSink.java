package org.vmatlas.sources.live;

import org.vmatlas.model.Session;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;

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
     * Hands every mapping to the session. The {@code [vsyscall]} page (x86-64, at {@code 0xffffffffff600000})
     * lies above the user address space; the model keeps it beside the user regions
     * ({@code AddressSpace.kernelRegions()}).
     */
    @Override
    public void snapshot(MapsSnapshot snapshot) {
        session.applySnapshot(snapshot.mappings(), source);
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
