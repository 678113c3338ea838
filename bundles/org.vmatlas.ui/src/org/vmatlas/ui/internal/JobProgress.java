package org.vmatlas.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.vmatlas.sources.ProgressMonitor;

/**
 * The sources' plain-Java progress monitor over an Eclipse Job's monitor. Sources report absolute
 * work in their own units (bytes, calls, steps, possibly beyond an int); the Job's monitor wants
 * increments, so this scales everything to a thousand ticks.
 */
public final class JobProgress implements ProgressMonitor {

    private static final int TICKS = 1000;
    private final IProgressMonitor monitor;
    private long total;
    private int reported;

    public JobProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(String task, long totalWork) {
        total = totalWork;
        reported = 0;
        monitor.beginTask(task, totalWork > 0 ? TICKS : IProgressMonitor.UNKNOWN);
    }

    @Override
    public void worked(long done) {
        if (total <= 0) {
            return;
        }
        int ticks = (int) Math.min(TICKS, Math.max(0, done) * TICKS / total);
        if (ticks > reported) {
            monitor.worked(ticks - reported);
            reported = ticks;
        }
    }

    @Override
    public void done() {
        monitor.done();
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
