package org.vmatlas.ui.internal.table;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionType;
import org.vmatlas.render.table.ProtPattern;
import org.vmatlas.render.table.RegionColumn;
import org.vmatlas.render.table.RegionRows;

/**
 * The virtual SWT table over {@link RegionRows}: items are filled only when scrolled into view, a header
 * click sorts, and the selection survives a refresh by address. Knows nothing of the workbench.
 */
final class RegionsTable {

    private final Table table;
    private final Consumer<Region> onSelection;
    private AddressSpace space;
    private ProtPattern filter = ProtPattern.all();
    private Pattern names;
    private Classification owners;
    private RegionType type;
    private RegionColumn sortColumn = RegionColumn.START;
    private boolean ascending = true;
    private RegionRows rows;

    RegionsTable(Composite parent, Consumer<Region> onSelection) {
        this.onSelection = onSelection;
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (RegionColumn column : RegionColumn.values()) {
            TableColumn widget = new TableColumn(table, column.numeric() ? SWT.RIGHT : SWT.LEFT);
            widget.setText(column.title());
            widget.setWidth(column.width());
            widget.setData(column);
            widget.addListener(SWT.Selection, event -> sortBy(widget));
        }
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.Selection, event -> onSelection.accept(firstSelected()));
        rows = new RegionRows(null, filter, names, sortColumn, ascending);
    }

    /**
     * Fills one row. GTK also asks for rows it is removing (setItemCount and clearAll clear its store, and
     * the store draws each leaving row once): those come with index -1, or past the new rows, and stay empty.
     */
    private void fill(TableItem item, int row) {
        if (row < 0 || row >= rows.size()) {
            return;
        }
        String[] texts = new String[RegionColumn.values().length];
        for (RegionColumn column : RegionColumn.values()) {
            texts[column.ordinal()] = rows.text(row, column);
        }
        item.setText(texts);
    }

    /** Shows another address space ({@code null}: none); does nothing when it is the one shown. */
    void show(AddressSpace newSpace) {
        if (newSpace != space) {
            space = newSpace;
            rebuild();
        }
    }

    void filter(ProtPattern pattern) {
        filter = pattern;
        rebuild();
    }

    /** Keeps only regions whose backing name or label {@code pattern} finds; {@code null} keeps all. */
    void filterNames(Pattern pattern) {
        names = pattern;
        rebuild();
    }

    /** Types, owners and residency of the address space shown ({@code null}: not known, or not yet). */
    void owners(Classification classification) {
        owners = classification;
        rebuild();
    }

    /** Keeps only regions of {@code newType}; {@code null} keeps all. */
    void filterType(RegionType newType) {
        type = newType;
        rebuild();
    }

    RegionType typeFilter() {
        return type;
    }

    private void sortBy(TableColumn widget) {
        RegionColumn column = (RegionColumn) widget.getData();
        ascending = column != sortColumn || !ascending;
        sortColumn = column;
        table.setSortColumn(widget);
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        rebuild();
    }

    /** Rebuilds the row order and keeps the selected regions selected when they still exist. */
    private void rebuild() {
        List<Long> selectedStarts = Arrays.stream(table.getSelectionIndices())
                .filter(row -> row < rows.size()).mapToObj(row -> rows.region(row).start()).toList();
        rows = new RegionRows(space, owners, type, filter, names, sortColumn, ascending);
        table.setRedraw(false);
        try {
            table.deselectAll();
            table.clearAll();
            table.setItemCount(rows.size());
            int[] keep = selectedStarts.stream().mapToInt(rows::rowOfAddress).filter(row -> row >= 0).toArray();
            table.select(keep);
        } finally {
            table.setRedraw(true);
        }
    }

    /** Selects and scrolls to the region holding {@code address}; false when it is free or filtered out. */
    boolean reveal(long address) {
        int row = rows.rowOfAddress(address);
        if (row < 0) {
            return false;
        }
        table.setSelection(row);
        table.showSelection();
        return true;
    }

    Region firstSelected() {
        int row = table.getSelectionIndex();
        return row >= 0 && row < rows.size() ? rows.region(row) : null;
    }

    RegionRows rows() {
        return rows;
    }

    Table control() {
        return table;
    }
}
