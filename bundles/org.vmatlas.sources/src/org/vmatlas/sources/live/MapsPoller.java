package org.vmatlas.sources.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.syscall.Mapping;

/**
 * Follows a live process: reads {@code /proc/PID/maps} at a steady rate (default 10 Hz) on a thread of
 * its own and hands every changed snapshot to a {@link SnapshotSink}. A process that exits (or may not
 * be read) ends the polling with a {@link ProcFailure}; what was delivered before stays with the sink.
 * <p>
 * Readings are paced by a {@link PacedRepeat}: they never pile up and never take more than half of one
 * core. A 60k-mapping process that costs 45 ms a reading is still followed at 10 Hz; one that costs 150 ms
 * is followed at about 3 Hz instead of starving the workbench.
 */
public final class MapsPoller implements AutoCloseable {

    /** Ten readings a second: a map that moves with the program, still cheap for a 60k-mapping process. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final long pid;
    private final SnapshotSink sink;
    private final PacedRepeat repeat;
    private final ProcReader reader = new ProcReader();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private List<Mapping> previous;
    private volatile ProcFailure ended;

    public MapsPoller(long pid, Duration interval, SnapshotSink sink) {
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id is positive, not " + pid);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the polling interval must be positive, not " + interval);
        }
        if (sink == null) {
            throw new IllegalArgumentException("a poller of process " + pid + " needs a sink");
        }
        this.pid = pid;
        this.sink = sink;
        this.repeat = new PacedRepeat("vmatlas maps poller " + pid, interval, this::poll, () -> sink.ended(ended));
    }

    public MapsPoller(long pid, SnapshotSink sink) {
        this(pid, DEFAULT_INTERVAL, sink);
    }

    /** Starts polling; the first reading is made at once. Starting twice is an error. */
    public MapsPoller start() {
        repeat.start();
        return this;
    }

    /** One reading; {@code false} once the process has ended (or the sink refused a snapshot). */
    private boolean poll() {
        ProcResult<MapsSnapshot> result = reader.maps(pid);
        readings.incrementAndGet();
        if (!result.isRead() || result.value().mappings().isEmpty()) {
            // a zombie keeps its /proc entry with empty maps until reaped: it has exited all the same
            ended = result.isRead() ? new ProcFailure(ProcFailure.Kind.EXITED, pid,
                    "process " + pid + " has exited (it has no mappings left)") : result.failure();
            return false;
        }
        MapsSnapshot snapshot = result.value();
        if (!snapshot.mappings().equals(previous)) {
            previous = snapshot.mappings();
            delivered.incrementAndGet();
            try {
                sink.snapshot(snapshot);
            } catch (RuntimeException e) {
                // a scheduled task that throws is silently never run again: end visibly instead
                ended = new ProcFailure(ProcFailure.Kind.IO, pid,
                        "polling of process " + pid + " stopped: its snapshot was rejected: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Stops polling and waits for a reading under way to finish. Safe to call more than once. */
    public void stop() {
        repeat.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether readings are still being made. */
    public boolean running() {
        return repeat.running();
    }

    /** Why polling ended by itself, or {@code null} while running or when stopped by {@link #stop()}. */
    public ProcFailure endedBy() {
        return ended;
    }

    public long pid() {
        return pid;
    }

    public long readings() {
        return readings.get();
    }

    /** Snapshots handed to the sink (changed readings only). */
    public long delivered() {
        return delivered.get();
    }
}
