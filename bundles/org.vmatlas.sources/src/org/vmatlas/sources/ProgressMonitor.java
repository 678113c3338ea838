package org.vmatlas.sources;

/**
 * Progress and cancellation for long source work (loading a large strace log, replaying it, running
 * a scenario). Plain Java so that the sources stay headless; the UI wraps it in an Eclipse Job's
 * monitor. Implementations must be cheap: workers call {@link #worked} every few thousand items.
 */
public interface ProgressMonitor {

    /** A monitor that reports nowhere and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
    };

    /** Work starts: {@code totalWork} units in all ({@code -1} when unknown). */
    default void begin(String task, long totalWork) {
    }

    /** {@code done} units are finished so far (absolute, not an increment). */
    default void worked(long done) {
    }

    /** The work stops here, finished or cancelled. */
    default void done() {
    }

    /** Asked often; once {@code true}, the worker stops at the next item and reports what it has. */
    default boolean isCanceled() {
        return false;
    }
}
