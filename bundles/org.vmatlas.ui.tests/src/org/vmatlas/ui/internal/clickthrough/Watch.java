package org.vmatlas.ui.internal.clickthrough;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * What the click-through must never see: an entry in the platform log (warning or worse), an error dialog, or
 * any other window the action did not mean to open. Dialogs an action opens on purpose (a question, the
 * preferences) are closed as a user would cancel them, and listed.
 */
final class Watch implements AutoCloseable {

    private static final int POLL_MS = 100;
    /** Marks the test's own dismissal of a dialog (see {@link WorkbenchClickThroughTest#DISMISSAL_CRITICAL}). */
    static final String DISMISSING = "dismissing dialog ";
    private final Display display;
    private final Set<Shell> ours;
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> dialogs = new ArrayList<>();
    private final ILogListener logListener = (status, plugin) -> {
        if (status.getSeverity() >= IStatus.WARNING) {
            problems.add("log: " + status + (status.getException() == null ? "" : " " + status.getException()));
        }
    };
    private final Runnable closer = this::closeDialogs;
    private String action = "start";
    private boolean dialogExpected;

    Watch(Display display, Set<Shell> ours) {
        this.display = display;
        this.ours = ours;
        Platform.addLogListener(logListener);
        display.timerExec(POLL_MS, closer);
    }

    /** Names what is being done now, for messages; {@code dialog} when it opens a window on purpose. */
    void doing(String what, boolean dialog) {
        action = what;
        NativeStderr.mark(what);
        dialogExpected = dialog;
    }

    private void closeDialogs() {
        if (display.isDisposed()) {
            return;
        }
        for (Shell shell : display.getShells()) {
            if (!ours.contains(shell) && !shell.isDisposed() && shell.isVisible()) {
                String title = shell.getText();
                if (showsError(shell)) {
                    problems.add("error dialog '" + title + "' after " + action);
                } else if (!dialogExpected) {
                    problems.add("unexpected window '" + title + "' after " + action);
                }
                dialogs.add(action + ": " + title);
                NativeStderr.mark(DISMISSING + title);
                dismiss(shell);
            }
        }
        display.timerExec(POLL_MS, closer);
    }

    /** As a user would: the dialog's Cancel, No or Close button, else the window's close box. */
    private static void dismiss(Shell shell) {
        for (String wanted : List.of(IDialogConstants.CANCEL_LABEL, IDialogConstants.NO_LABEL,
                IDialogConstants.CLOSE_LABEL, IDialogConstants.OK_LABEL)) {
            Button button = button(shell, wanted.replace("&", ""));
            if (button != null) {
                button.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        shell.close();
    }

    private static Button button(Composite parent, String text) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Button button && text.equals(button.getText().replace("&", ""))) {
                return button;
            }
            if (child instanceof Composite inner) {
                Button found = button(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private boolean showsError(Composite composite) {
        Image error = display.getSystemImage(SWT.ICON_ERROR);
        for (Control child : composite.getChildren()) {
            if (child instanceof Label label && label.getImage() == error) {
                return true;
            }
            if (child instanceof Composite inner && showsError(inner)) {
                return true;
            }
        }
        return false;
    }

    void problem(String text) {
        problems.add(text + " (after " + action + ")");
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    List<String> dialogs() {
        return List.copyOf(dialogs);
    }

    @Override
    public void close() {
        Platform.removeLogListener(logListener);
        display.timerExec(-1, closer);
    }
}
