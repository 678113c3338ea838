package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** The two small widget recipes every part's control rows use. */
public final class Widgets {

    private Widgets() {
    }

    /** A push button that runs {@code action} when pressed. */
    public static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** A borderless row of {@code columns} cells that fills {@code span} columns of a grid parent. */
    public static Composite row(Composite parent, int columns, int span) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        return row;
    }
}
