package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Listener;

/**
 * Tooltips that describe what lies under the pointer (a region of the map, a point of a chart): their
 * text is dropped when the pointer leaves the control or the control loses focus or is hidden, so that a
 * tip never floats over another part.
 */
public final class HoverTips {

    private static final Listener CLEAR = event -> ((Control) event.widget).setToolTipText(null);

    private HoverTips() {
    }

    /** Installs on {@code control} and on the controls inside it (a chart draws on a canvas of its own). */
    public static void install(Control control) {
        control.addListener(SWT.MouseExit, CLEAR);
        control.addListener(SWT.FocusOut, CLEAR);
        control.addListener(SWT.Hide, CLEAR);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                install(child);
            }
        }
    }
}
