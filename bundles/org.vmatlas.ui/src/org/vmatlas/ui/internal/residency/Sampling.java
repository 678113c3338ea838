package org.vmatlas.ui.internal.residency;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.vmatlas.render.chart.ResidencyByType;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.residency.ResidencyHistory;
import org.vmatlas.sources.residency.ResidencySampler;

/**
 * The residency sampling of one session's process: its history, which outlives pauses and the process
 * itself, and the sampler currently feeding it, if any. Started, paused and resumed on the UI thread;
 * stopping waits for a sample under way, so it happens on a thread of its own.
 */
final class Sampling {

    private final long pid;
    private final ResidencyHistory history = new ResidencyHistory();
    private final ResidencyByType byType = new ResidencyByType();
    /** The sample count when a classification by type was last asked for. */
    private long classifiedAtSample = -1;
    private final Runnable changed;
    private ResidencySampler sampler;
    private volatile ProcFailure ended;

    Sampling(long pid, Runnable changed) {
        this.pid = pid;
        this.changed = changed;
    }

    void start(Duration every) {
        if (sampler != null || ended != null) {
            return;
        }
        sampler = new ResidencySampler(pid, every, history, h -> changed.run(), failure -> {
            ended = failure;
            changed.run();
        }).start();
    }

    void pause() {
        ResidencySampler running = sampler;
        sampler = null;
        if (running != null) {
            CompletableFuture.runAsync(running::stop);
        }
    }

    /** Samples at a new rate from now on; the history goes on. */
    void restart(Duration every) {
        if (sampler != null) {
            pause();
            start(every);
        }
    }

    boolean running() {
        return sampler != null && ended == null;
    }

    ProcFailure ended() {
        return ended;
    }

    long pid() {
        return pid;
    }

    ResidencyHistory history() {
        return history;
    }

    /** Resident bytes by type, one point per classification (made while the chart shows types). */
    ResidencyByType byType() {
        return byType;
    }

    /** {@code true} once per new sample: a classification by type is due. */
    boolean classificationDue() {
        long samples = history.samples();
        if (samples == 0 || samples == classifiedAtSample) {
            return false;
        }
        classifiedAtSample = samples;
        return true;
    }
}
