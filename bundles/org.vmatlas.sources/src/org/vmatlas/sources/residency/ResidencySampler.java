package org.vmatlas.sources.residency;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.SmapsEntry;

/**
 * Samples a live process's {@code /proc/PID/smaps} into a {@link ResidencyHistory} on a thread of its own,
 * once a second by default. Like the maps poller it never takes more than half of one core: after a reading
 * that took longer than half the interval it waits as long as the reading took. A process that exits or may
 * not be read ends the sampling; the history keeps what was sampled.
 */
public final class ResidencySampler implements AutoCloseable {

    /** One sample a second: enough to see a leak grow, cheap beside the maps poller. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final long pid;
    private final Duration interval;
    private final ResidencyHistory history;
    private final Consumer<ResidencyHistory> sampled;
    private final Consumer<ProcFailure> ended;
    private final ProcReader reader = new ProcReader();
    private ScheduledExecutorService executor;
    private volatile ProcFailure endedBy;

    /**
     * @param sampled told after each sample (on the sampler's thread; coalesce before drawing)
     * @param ended   told once when the process can no longer be read
     */
    public ResidencySampler(long pid, Duration interval, ResidencyHistory history, Consumer<ResidencyHistory> sampled,
            Consumer<ProcFailure> ended) {
        if (pid <= 0) {
            throw new IllegalArgumentException("a process id is positive, not " + pid);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the sampling interval must be positive, not " + interval);
        }
        if (history == null || sampled == null || ended == null) {
            throw new IllegalArgumentException("sampling process " + pid + " needs a history and two listeners");
        }
        this.pid = pid;
        this.interval = interval;
        this.history = history;
        this.sampled = sampled;
        this.ended = ended;
    }

    /** Starts sampling; the first sample is taken at once. Starting twice is an error. */
    public synchronized ResidencySampler start() {
        if (executor != null) {
            throw new IllegalStateException("the residency sampler of process " + pid + " is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vmatlas residency sampler " + pid);
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::tick);
        return this;
    }

    private void tick() {
        long started = System.nanoTime();
        ProcResult<List<SmapsEntry>> result = reader.smaps(pid);
        if (!result.isRead() || result.value().isEmpty()) {
            endedBy = result.isRead()
                    ? new ProcFailure(ProcFailure.Kind.EXITED, pid, "process " + pid + " has exited (it has no mappings left)")
                    : result.failure();
            executor.shutdown();
            ended.accept(endedBy);
            return;
        }
        history.add(started, result.value());
        sampled.accept(history);
        long took = System.nanoTime() - started;
        try {
            executor.schedule(this::tick, Math.max(interval.toNanos() - took, took), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopped during this sample: there is no next one
        }
    }

    /** Stops sampling and waits for a sample under way. Safe to call more than once. */
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

    /** Why sampling ended by itself, or {@code null} while it runs or after {@link #stop()}. */
    public ProcFailure endedBy() {
        return endedBy;
    }

    public ResidencyHistory history() {
        return history;
    }
}
