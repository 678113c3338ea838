package org.vmatlas.ui.internal.clickthrough;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Whether every control of a part can be reached where it is laid out: inside the part's client area, or inside
 * the content of a scrolled area (reached by scrolling), with a size of its own; and every table column starts
 * inside its table, unless the table scrolls sideways.
 */
final class Reach {

    private static final int SLACK = 1;

    private Reach() {
    }

    /** What cannot be reached, one line each; empty when all can. */
    static List<String> unreachable(String part, Composite root) {
        List<String> out = new ArrayList<>();
        Rectangle area = root.getClientArea();
        for (Control control : Exerciser.controls(root)) {
            if (!control.isVisible() || control.getParent() instanceof ScrolledComposite) {
                continue; // a scrolled area's content is as large as it needs: its children are checked in it
            }
            Composite frame = frameOf(control, root);
            Rectangle inside = frame == root ? area : new Rectangle(0, 0, frame.getSize().x, frame.getSize().y);
            Rectangle bounds = control.getBounds();
            Point origin = control.getParent().toDisplay(bounds.x, bounds.y);
            Point local = frame.toControl(origin);
            Rectangle placed = new Rectangle(local.x, local.y, bounds.width, bounds.height);
            String name = part + ": " + control.getClass().getSimpleName() + " " + label(control);
            if (placed.x < inside.x - SLACK || placed.y < inside.y - SLACK
                    || placed.x + placed.width > inside.x + inside.width + SLACK
                    || placed.y + placed.height > inside.y + inside.height + SLACK) {
                out.add(name + " at " + placed + " outside " + inside);
            } else if (bounds.width <= 0 || bounds.height <= 0 && !(control instanceof Label l && l.getText().isEmpty())) {
                out.add(name + " has no room: " + bounds);
            }
            if (control instanceof Table table && !scrollsSideways(table)) {
                int x = 0;
                int width = table.getClientArea().width;
                for (TableColumn column : table.getColumns()) {
                    if (x >= width) {
                        out.add(name + " column '" + column.getText() + "' starts at " + x + ", past " + width);
                    }
                    x += column.getWidth();
                }
            }
        }
        return out;
    }

    /** The content of the nearest scrolled area holding {@code control}, or {@code root}. */
    private static Composite frameOf(Control control, Composite root) {
        for (Composite parent = control.getParent(); parent != null && parent != root; parent = parent.getParent()) {
            if (parent.getParent() instanceof ScrolledComposite scrolled && scrolled.getContent() == parent) {
                return parent;
            }
        }
        return root;
    }

    private static boolean scrollsSideways(Table table) {
        return table.getHorizontalBar() != null && table.getHorizontalBar().getMaximum() > table.getClientArea().width;
    }

    private static String label(Control control) {
        if (control instanceof org.eclipse.swt.widgets.Button button) {
            return "'" + button.getText() + "'";
        }
        if (control instanceof Label label) {
            return "'" + label.getText().lines().findFirst().orElse("") + "'";
        }
        return "";
    }
}
