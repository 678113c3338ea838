package org.vmatlas.sources.residency;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.vmatlas.sources.live.PacedRepeat;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.SmapsEntry;

/**
 * Samples a live process's {@code /proc/PID/smaps} into a {@link ResidencyHistory} on a thread of its own,
 * once a second by default, paced like the maps poller ({@link PacedRepeat}: never more than half a core).
 * A process that exits or may not be read ends the sampling; the history keeps what was sampled.
 */
public final class ResidencySampler implements AutoCloseable {

    /** One sample a second: enough to see a leak grow, cheap beside the maps poller. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private final long pid;
    private final ResidencyHistory history;
    private final Consumer<ResidencyHistory> sampled;
    private final ProcReader reader = new ProcReader();
    private final PacedRepeat repeat;
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
        this.history = history;
        this.sampled = sampled;
        this.repeat = new PacedRepeat("vmatlas residency sampler " + pid, interval, this::sample,
                () -> ended.accept(endedBy));
    }

    /** Starts sampling; the first sample is taken at once. Starting twice is an error. */
    public ResidencySampler start() {
        repeat.start();
        return this;
    }

    /** One sample; {@code false} once the process can no longer be read. */
    private boolean sample() {
        long started = System.nanoTime();
        ProcResult<List<SmapsEntry>> result = reader.smaps(pid);
        if (!result.isRead() || result.value().isEmpty()) {
            endedBy = result.isRead()
                    ? new ProcFailure(ProcFailure.Kind.EXITED, pid, "process " + pid + " has exited (it has no mappings left)")
                    : result.failure();
            return false;
        }
        history.add(started, result.value());
        sampled.accept(history);
        return true;
    }

    /** Stops sampling and waits for a sample under way. Safe to call more than once. */
    public void stop() {
        repeat.stop();
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
