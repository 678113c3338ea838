package org.vmatlas.sources.live;

import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;

/**
 * Where a {@link MapsPoller} delivers what it reads: the model's observed session (see
 * {@link SessionSink}), or a test. Called on the poller's own thread, one call at a time.
 */
public interface SnapshotSink {

    /** A snapshot that differs from the previous one (identical readings are not delivered). */
    void snapshot(MapsSnapshot snapshot);

    /** Polling ended for good: the process exited or may not be read. Nothing follows. */
    default void ended(ProcFailure failure) {
    }
}
