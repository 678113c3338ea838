package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;
import org.eclipse.swt.widgets.Shell;

/** Where a window goes so that all of it is on a screen: smaller when it is larger, moved in when it is out. */
public final class WindowFit {

    private WindowFit() {
    }

    /**
     * Makes every dialog fit the screen it opens on, whoever opens it (a question, an export's error, the
     * preferences): when a shell with a parent is shown larger than its monitor's work area or beside it, it is
     * moved and shrunk to lie inside.
     */
    public static void fitDialogs(Display display) {
        display.addFilter(SWT.Show, event -> {
            if (event.widget instanceof Shell shell && shell.getParent() != null) {
                display.asyncExec(() -> fitOnScreen(shell));
            }
        });
    }

    /** Moves and shrinks {@code shell} into its monitor's work area when it is not inside already. */
    public static void fitOnScreen(Shell shell) {
        if (shell.isDisposed()) {
            return;
        }
        Monitor monitor = shell.getMonitor() != null ? shell.getMonitor() : shell.getDisplay().getPrimaryMonitor();
        Rectangle screen = monitor.getClientArea();
        Rectangle bounds = shell.getBounds();
        Rectangle fitted = fit(bounds, screen);
        if (!fitted.equals(bounds)) {
            shell.setBounds(fitted);
        }
    }

    /** {@code window} moved and shrunk as little as needed to lie inside {@code screen}. */
    public static Rectangle fit(Rectangle window, Rectangle screen) {
        int width = Math.min(window.width, screen.width);
        int height = Math.min(window.height, screen.height);
        int x = Math.max(screen.x, Math.min(window.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(window.y, screen.y + screen.height - height));
        return new Rectangle(x, y, width, height);
    }
}
