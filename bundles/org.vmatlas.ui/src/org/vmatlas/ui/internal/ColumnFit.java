package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Shares a table's width among its columns by weight, so every column is on screen in a narrow part
 * (no column pushed past the right edge) and a wide part gives the long ones the room. Columns never get
 * narrower than their minimum; once the user drags a column, the widths are the user's.
 */
public final class ColumnFit {

    private final Table table;
    private final int[] weights;
    private final int[] minimums;
    private boolean fitting;
    private boolean userSized;

    private ColumnFit(Table table, int[] weights, int[] minimums) {
        this.table = table;
        this.weights = weights;
        this.minimums = minimums;
        table.addListener(SWT.Resize, event -> fit());
        for (TableColumn column : table.getColumns()) {
            column.addListener(SWT.Resize, event -> userSized |= !fitting);
        }
    }

    /** {@code weights} and {@code minimums} hold one entry per column of {@code table}, in order. */
    public static ColumnFit install(Table table, int[] weights, int[] minimums) {
        if (weights.length != table.getColumnCount() || minimums.length != weights.length) {
            throw new IllegalArgumentException(table.getColumnCount() + " columns, " + weights.length + " weights, "
                    + minimums.length + " minimums");
        }
        return new ColumnFit(table, weights, minimums);
    }

    private void fit() {
        int width = table.getClientArea().width;
        if (userSized || width <= 0) {
            return;
        }
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        fitting = true;
        try {
            TableColumn[] columns = table.getColumns();
            for (int i = 0; i < columns.length; i++) {
                columns[i].setWidth(Math.max(minimums[i], width * weights[i] / total));
            }
        } finally {
            fitting = false;
        }
    }
}
