package org.vmatlas.sources.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A reading made again and again on a thread of its own, paced so that it never piles up and never takes
 * more than half of one core: the next run starts one interval after the last one started or, when a run
 * took longer than half an interval, as long after it ended as it took. The readers of a live process (its
 * maps, its smaps) share this rule.
 */
public final class PacedRepeat {

    private final String threadName;
    private final long intervalNanos;
    private final BooleanSupplier run;
    private final Runnable ended;
    private ScheduledExecutorService executor;

    /**
     * @param run   one reading; {@code false} when there is nothing more to read (the process is gone)
     * @param ended told once after a run said {@code false}, when no run is made any more
     */
    public PacedRepeat(String threadName, Duration interval, BooleanSupplier run, Runnable ended) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + threadName + " must be positive, not " + interval);
        }
        this.threadName = threadName;
        this.intervalNanos = interval.toNanos();
        this.run = run;
        this.ended = ended;
    }

    /** The wait after a run that took {@code tookNanos}: the rest of the interval, and never less than the run. */
    public static long delayAfter(long intervalNanos, long tookNanos) {
        return Math.max(intervalNanos - tookNanos, tookNanos);
    }

    /** Starts; the first run is made at once. Starting twice is an error. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException(threadName + " is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.execute(this::tick);
    }

    private void tick() {
        long started = System.nanoTime();
        if (!run.getAsBoolean()) {
            executor.shutdown();
            ended.run();
            return;
        }
        try {
            executor.schedule(this::tick, delayAfter(intervalNanos, System.nanoTime() - started), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // stopped during this run: there is no next one
        }
    }

    /** Stops and waits for a run under way to finish. Safe to call more than once, and before a start. */
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

    /** Whether runs are still being made. */
    public synchronized boolean running() {
        return executor != null && !executor.isShutdown();
    }
}
