package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;

/** The one-line verdict under a part's controls: plain when all is well, dark red when it is not. */
public final class MessageLine {

    private MessageLine() {
    }

    /** Shows {@code text}; does nothing once the label is gone (a late answer from a background job). */
    public static void show(Label label, String text, boolean bad) {
        if (label.isDisposed()) {
            return;
        }
        label.setText(text);
        label.setForeground(bad ? label.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        label.getParent().layout();
    }
}
