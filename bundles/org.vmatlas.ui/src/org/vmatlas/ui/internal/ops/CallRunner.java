package org.vmatlas.ui.internal.ops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;

/**
 * Runs the panel's calls off the UI thread, one at a time and in order (a native call may block on the
 * kernel; the model is thread-safe), and hands each outcome back on the UI thread.
 */
final class CallRunner {

    static final String SOURCE = "operations";

    private final Display display;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "vmatlas operations");
        thread.setDaemon(true);
        return thread;
    });

    CallRunner(Display display) {
        this.display = display;
    }

    /** Applies {@code call}; {@code done} gets the event, or {@code failed} the exception's message. */
    void run(Session session, Call call, Consumer<Event> done, Consumer<String> failed) {
        worker.execute(() -> {
            try {
                Event event = session.apply(call, SOURCE);
                back(() -> done.accept(event));
            } catch (RuntimeException e) {
                back(() -> failed.accept(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        });
    }

    private void back(Runnable runnable) {
        if (!display.isDisposed()) {
            display.asyncExec(runnable);
        }
    }

    void shutdown() {
        worker.shutdown();
    }
}
