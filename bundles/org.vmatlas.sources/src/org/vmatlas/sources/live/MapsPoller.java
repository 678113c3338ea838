package org.vmatlas.sources.live;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Readings never pile up and never take more than half of one core: the next reading starts one interval
 * after the last one started, or, when reading and applying took longer than half an interval, as long
 * after it ended as it took. A 60k-mapping process that costs 45 ms a reading is still followed at 10 Hz;
 * one that costs 150 ms is followed at about 3 Hz instead of starving the workbench.
 */
public final class MapsPoller implements AutoCloseable {

    /** Ten readings a second: a map that moves with the program, still cheap for a 60k-mapping process. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);

    private final long pid;
    private final Duration interval;
    private final SnapshotSink sink;
    private final ProcReader reader = new ProcReader();
    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private ScheduledExecutorService executor;
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
        this.interval = interval;
        this.sink = sink;
    }

    public MapsPoller(long pid, SnapshotSink sink) {
        this(pid, DEFAULT_INTERVAL, sink);
    }

    /** Starts polling; the first reading is made at once. Starting twice is an error. */
    public synchronized MapsPoller start() {
        if (executor != null) {
            throw new IllegalStateException("the poller of process " + pid + " is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vmatlas maps poller " + pid);
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::tick);
        return this;
    }

    private void tick() {
        long started = System.nanoTime();
        poll();
        long took = System.nanoTime() - started;
        long delay = Math.max(interval.toNanos() - took, took);
        try {
            executor.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopped or ended during this reading: there is no next one
        }
    }

    private void poll() {
        ProcResult<MapsSnapshot> result = reader.maps(pid);
        readings.incrementAndGet();
        if (!result.isRead() || result.value().mappings().isEmpty()) {
            // a zombie keeps its /proc entry with empty maps until reaped: it has exited all the same
            ended = result.isRead() ? new ProcFailure(ProcFailure.Kind.EXITED, pid,
                    "process " + pid + " has exited (it has no mappings left)") : result.failure();
            executor.shutdown();
            sink.ended(ended);
            return;
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
                executor.shutdown();
                sink.ended(ended);
            }
        }
    }

    /** Stops polling and waits for a reading under way to finish. Safe to call more than once. */
    public void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether readings are still being made. */
    public synchronized boolean running() {
        return executor != null && !executor.isShutdown();
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
