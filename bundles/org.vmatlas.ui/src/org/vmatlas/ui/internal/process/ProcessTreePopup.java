package org.vmatlas.ui.internal.process;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WindowFit;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * The toolbar's Processes button and the small window it opens: the {@link ProcessTree} of every log and
 * trace, kept current while a trace runs. The window is modal, as a dialog: the map behind it follows the
 * process selected, Enter on a process or Esc closes it. Alt+P opens it from anywhere in the window.
 */
public final class ProcessTreePopup {

    private static final Point SIZE = new Point(720, 420);

    private ProcessTreePopup() {
    }

    /** The button, enabled while some log or trace has processes to show. */
    public static Button button(Composite parent, RegionModelService models, WorkbenchMoment moment) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(Messages.button);
        button.setToolTipText(Messages.buttonTip);
        button.addListener(SWT.Selection, event -> open(button, models, moment));
        return button;
    }

    /** Whether the button has something to open. */
    public static boolean hasFamilies(RegionModelService models) {
        return !ProcessFamilies.open(models).isEmpty();
    }

    /** Opens the window below {@code anchor} and returns when it is closed. */
    public static void open(Control anchor, RegionModelService models, WorkbenchMoment moment) {
        ProcessTree tree = show(anchor, models, moment);
        if (tree.control().isDisposed()) {
            return;
        }
        Shell shell = tree.control().getShell();
        while (!shell.isDisposed()) {
            if (!shell.getDisplay().readAndDispatch()) {
                shell.getDisplay().sleep();
            }
        }
    }

    /** Shows the window below {@code anchor} and returns its tree at once. */
    static ProcessTree show(Control anchor, RegionModelService models, WorkbenchMoment moment) {
        Shell shell = new Shell(anchor.getShell(), SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
        shell.setText(Messages.title);
        shell.setLayout(new GridLayout(1, false));
        ProcessTree tree = new ProcessTree(shell, models, moment, shell::close);
        tree.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Label hint = new Label(shell, SWT.WRAP);
        hint.setText(Messages.hint);
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        tree.control().addListener(SWT.Traverse, event -> {
            if (event.detail == SWT.TRAVERSE_ESCAPE) {
                event.doit = false;
                shell.close();
            }
        });
        UiRefresher refresher = new UiRefresher(shell.getDisplay(), tree::refresh);
        ModelListener listener = change -> refresher.request();
        Runnable added = refresher::request;
        models.addListener(listener);
        ProcessFamilies.addListener(added);
        shell.addListener(SWT.Dispose, event -> {
            models.removeListener(listener);
            ProcessFamilies.removeListener(added);
        });
        Point below = anchor.toDisplay(0, anchor.getSize().y);
        shell.setBounds(below.x, below.y, SIZE.x, SIZE.y);
        WindowFit.fitOnScreen(shell);
        shell.open();
        if (!tree.control().isDisposed()) { // closed while it opened: no focus to take
            tree.control().setFocus();
        }
        return tree;
    }
}
