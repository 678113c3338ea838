package org.vmatlas.ui.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Display;

/**
 * Coalesces refresh requests from any thread into at most one pending UI refresh: a burst of a
 * hundred thousand model events costs one {@code asyncExec}, and the refresh reads the latest state.
 */
public final class UiRefresher {

    private final Display display;
    private final Runnable refresh;
    private final AtomicBoolean pending = new AtomicBoolean();

    public UiRefresher(Display display, Runnable refresh) {
        this.display = display;
        this.refresh = refresh;
    }

    /** Asks for a refresh; returns at once. Requests made while one is pending are merged into it. */
    public void request() {
        if (pending.compareAndSet(false, true) && !display.isDisposed()) {
            display.asyncExec(() -> {
                pending.set(false);
                refresh.run();
            });
        }
    }

    public boolean isPending() {
        return pending.get();
    }
}
