package org.vmatlas.ui.internal.residency;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.sources.residency.Growth;
import org.vmatlas.syscall.Mapping;

/** The Residency part's ranking: one row a growing region, strongest first; choosing a row tells its growth. */
final class GrowersTable {

    private final Table table;
    private List<Growth> shown = List.of();

    GrowersTable(Composite parent, Consumer<Growth> chosen) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, false);
        data.heightHint = table.getItemHeight() * 5 + table.getHeaderHeight();
        table.setLayoutData(data);
        table.addListener(SWT.Selection, e -> {
            int row = table.getSelectionIndex();
            if (row >= 0 && row < shown.size()) {
                chosen.accept(shown.get(row));
            }
        });
        String[] names = { Messages.columnGrowth, Messages.columnName, Messages.columnRegion, Messages.columnRss };
        int[] widths = { 240, 180, 260, 90 };
        for (int i = 0; i < names.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(names[i]);
            column.setWidth(widths[i]);
        }
    }

    /** Shows {@code growth}; with none, says so once there are samples ({@code sampled}). */
    void show(List<Growth> growth, boolean sampled) {
        shown = growth;
        table.setRedraw(false);
        table.removeAll();
        for (Growth g : growth) {
            Mapping m = g.region();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { g.describe(), m.path().isEmpty() ? Messages.anonymous : m.path(),
                "0x" + Long.toHexString(m.start()) + "-0x" + Long.toHexString(m.end()), RegionText.size(g.to().rss()) });
        }
        if (growth.isEmpty() && sampled) {
            new TableItem(table, SWT.NONE).setText(Messages.noGrowth);
        }
        table.setRedraw(true);
    }

    /** The growth shown, strongest first. */
    List<Growth> shown() {
        return shown;
    }

    Table control() {
        return table;
    }
}
