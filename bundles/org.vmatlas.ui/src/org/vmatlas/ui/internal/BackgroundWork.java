package org.vmatlas.ui.internal;

import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Work that must not block the UI thread (reading {@code /proc}, files, stopping a poller): runs as an
 * Eclipse Job and hands its result, or the message of what went wrong, back on the UI thread. The
 * display being gone (the window closed meanwhile) drops the result quietly.
 */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /** Schedules {@code work}; {@code done} gets its result and {@code failed} a message, on the UI thread. */
    public static <T> Job run(String name, Display display, Function<IProgressMonitor, T> work, Consumer<T> done,
            Consumer<String> failed) {
        return schedule(name, false, display, work, done, failed);
    }

    /** As {@link #run}, shown to the user in the progress view with a Cancel button (long work). */
    public static <T> Job runVisible(String name, Display display, Function<IProgressMonitor, T> work,
            Consumer<T> done, Consumer<String> failed) {
        return schedule(name, true, display, work, done, failed);
    }

    private static <T> Job schedule(String name, boolean user, Display display, Function<IProgressMonitor, T> work,
            Consumer<T> done, Consumer<String> failed) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    T result = work.apply(monitor);
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    back(display, () -> done.accept(result));
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (RuntimeException e) {
                    // a bug or a refused read must reach the user as words, never kill the worker silently
                    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                    back(display, () -> failed.accept(message));
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(user);
        job.setSystem(!user);
        job.schedule();
        return job;
    }

    public static void back(Display display, Runnable runnable) {
        if (!display.isDisposed()) {
            display.asyncExec(runnable);
        }
    }
}
