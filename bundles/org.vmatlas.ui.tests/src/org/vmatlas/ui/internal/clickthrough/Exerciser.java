package org.vmatlas.ui.internal.clickthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/**
 * Does to a part what a curious user does: types into every field (good input, bad input, nothing), picks every
 * item of every combo, selects the first and last row of every table and list, flips every check box and
 * toggle and back, and presses every button, letting the event loop run after each.
 */
final class Exerciser {

    /** What a user types into a field: patterns, addresses, sizes, nonsense, nothing. */
    static final List<String> TYPED = List.of("r?x", "*x", "0x1000", "4K", "arena+16M", "-1", "zz!\u00e9", "");
    private static final int SETTLE_MS = 15;

    private final Display display;
    private final Watch watch;
    private final Set<String> buttonsNotPressed;

    /** @param buttonsNotPressed texts of buttons not to press: a native file chooser no test can answer, a reach outside the test */
    Exerciser(Display display, Watch watch, Set<String> buttonsNotPressed) {
        this.display = display;
        this.watch = watch;
        this.buttonsNotPressed = buttonsNotPressed;
    }

    void exercise(String part, Composite root) {
        for (Control control : controls(root)) {
            if (control.isDisposed() || !control.isEnabled()) {
                continue;
            }
            String what = part + " " + control.getClass().getSimpleName() + " " + describe(control);
            if (control instanceof Text text && (text.getStyle() & SWT.READ_ONLY) == 0) {
                for (String typed : TYPED) {
                    watch.doing("typing '" + typed + "' into " + what, false);
                    text.setText(typed);
                    send(text, SWT.DefaultSelection);
                    settle(SETTLE_MS);
                }
            } else if (control instanceof Combo combo) {
                for (int i = 0; i < combo.getItemCount() && !combo.isDisposed(); i++) {
                    watch.doing("choosing item " + i + " of " + what, false);
                    combo.select(i);
                    send(combo, SWT.Selection);
                    settle(SETTLE_MS);
                }
            } else if (control instanceof Spinner spinner) {
                watch.doing("spinning " + what, false);
                spinner.setSelection(spinner.getMaximum());
                send(spinner, SWT.Selection);
                settle(SETTLE_MS);
            } else if (control instanceof Table table) {
                selectRows(what, table);
            } else if (control instanceof org.eclipse.swt.widgets.List list && list.getItemCount() > 0) {
                watch.doing("selecting the last item of " + what, false);
                list.setSelection(list.getItemCount() - 1);
                send(list, SWT.Selection);
                settle(SETTLE_MS);
            } else if (control instanceof Button button) {
                press(what, button);
            }
        }
    }

    private void selectRows(String what, Table table) {
        int count = table.getItemCount();
        for (int row : count == 0 ? new int[0] : new int[] { 0, count - 1 }) {
            if (table.isDisposed() || row >= table.getItemCount()) {
                return;
            }
            watch.doing("selecting row " + row + " of " + what, false);
            table.setSelection(row);
            table.getItem(row).getText(0);
            send(table, SWT.Selection);
            settle(SETTLE_MS);
        }
    }

    private void press(String what, Button button) {
        if (buttonsNotPressed.contains(button.getText())) {
            return;
        }
        int style = button.getStyle();
        boolean flips = (style & (SWT.CHECK | SWT.TOGGLE | SWT.RADIO)) != 0;
        for (int time = 0; time < (flips ? 2 : 1) && !button.isDisposed(); time++) {
            // a push may open a dialog on purpose (Changes...): the watch closes it, and lists it
            watch.doing("pressing " + what, (style & SWT.PUSH) != 0);
            if (flips) {
                button.setSelection(!button.getSelection());
            }
            send(button, SWT.Selection);
            settle(SETTLE_MS);
        }
    }

    private static void send(Widget widget, int type) {
        if (!widget.isDisposed()) {
            widget.notifyListeners(type, new Event());
        }
    }

    private static String describe(Control control) {
        if (control instanceof Button button) {
            return "'" + button.getText() + "'";
        }
        String tip = control.getToolTipText();
        return tip == null ? "" : "(" + tip.lines().findFirst().orElse("") + ")";
    }

    /** Every control under {@code root}, depth first, as they are now. */
    static List<Control> controls(Composite root) {
        List<Control> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Composite parent, List<Control> all) {
        for (Control child : parent.getChildren()) {
            all.add(child);
            if (child instanceof Composite composite) {
                collect(composite, all);
            }
        }
    }

    /** Runs the event loop for {@code millis}. */
    void settle(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }
}
