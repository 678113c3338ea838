package org.vmatlas.ui.internal.process;

import java.util.Comparator;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.sources.proc.ProcessInfo;
import org.vmatlas.ui.internal.ColumnFit;
import org.vmatlas.ui.internal.Messages;

/**
 * The process list: pid, command line, owner, mapping count, resident set; a click on a header sorts by it.
 * A virtual table, so a machine with thousands of processes fills only the rows on screen; processes whose
 * maps we may not read are grey.
 */
final class ProcessTable {

    private final Table table;
    private List<ProcessInfo> rows = List.of();
    /** The process the user chose, by pid, so that a new listing selects it wherever its row moved; -1: none. */
    private long chosenPid = -1;
    private List<ProcessInfo> listed = List.of();
    private Comparator<ProcessInfo> sortOrder;

    ProcessTable(Composite parent) {
        table = new Table(parent, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.processes_columnPid, 80, SWT.RIGHT, Comparator.comparingLong(ProcessInfo::pid));
        column(Messages.processes_columnCommand, 420, SWT.LEFT, Comparator.comparing(ProcessInfo::command));
        column(Messages.processes_columnOwner, 100, SWT.LEFT, Comparator.comparing(ProcessInfo::owner));
        column(Messages.processes_columnMappings, 90, SWT.RIGHT, Comparator.comparingInt(ProcessInfo::mappingCount));
        column(Messages.processes_columnRss, 90, SWT.RIGHT, Comparator.comparingLong(ProcessInfo::rssBytes));
        ColumnFit.install(table, new int[] { 11, 47, 14, 14, 14 }, new int[] { 50, 100, 60, 60, 60 });
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.Selection, event -> {
            ProcessInfo chosen = selection();
            chosenPid = chosen == null ? -1 : chosen.pid();
        });
    }

    private void column(String title, int width, int align, Comparator<ProcessInfo> order) {
        TableColumn column = new TableColumn(table, align);
        column.setText(title);
        column.setWidth(width);
        column.addListener(SWT.Selection, event -> sortBy(column, order));
    }

    /** Sorts by a column; a second click on it turns the order round. The order holds across new listings. */
    private void sortBy(TableColumn column, Comparator<ProcessInfo> order) {
        boolean up = table.getSortColumn() != column || table.getSortDirection() != SWT.UP;
        table.setSortColumn(column);
        table.setSortDirection(up ? SWT.UP : SWT.DOWN);
        sortOrder = up ? order : order.reversed();
        show(listed);
    }

    private void fill(TableItem item, int index) {
        if (index < 0 || index >= rows.size()) {
            return; // a row GTK asks for as it removes it (index -1, see RegionsTable.fill)
        }
        ProcessInfo p = rows.get(index);
        item.setText(new String[] { Long.toString(p.pid()), p.command(), p.owner(),
            p.readable() ? Integer.toString(p.mappingCount()) : Messages.processes_notReadable,
            p.rssBytes() < 0 ? "" : RegionText.size(p.rssBytes()) });
        if (!p.readable()) {
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        }
    }

    /**
     * Shows new rows, keeping the chosen process selected by its pid wherever its row is now; answers the pid
     * of a chosen process that is no longer listed (then nothing is selected), or -1.
     */
    long show(List<ProcessInfo> processes) {
        listed = List.copyOf(processes);
        rows = sortOrder == null ? listed : listed.stream().sorted(sortOrder).toList();
        // the count first: clearing while the table still has the old count makes GTK ask for rows
        // that the new list no longer has
        table.setItemCount(rows.size());
        table.clearAll();
        table.deselectAll();
        // no scrolling here: a listing every few seconds must not pull the table back to the chosen row
        return chosenPid < 0 || selectRow(chosenPid) >= 0 ? -1 : chosenPid;
    }

    /** Selects and shows the row of {@code pid} and remembers it as chosen; answers whether it is listed. */
    boolean select(long pid) {
        chosenPid = pid;
        if (selectRow(pid) < 0) {
            table.deselectAll();
            return false;
        }
        table.showSelection();
        return true;
    }

    private int selectRow(long pid) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).pid() == pid) {
                table.setSelection(i);
                return i;
            }
        }
        return -1;
    }

    ProcessInfo selection() {
        int index = table.getSelectionIndex();
        return index >= 0 && index < rows.size() ? rows.get(index) : null;
    }

    List<ProcessInfo> rows() {
        return rows;
    }

    Table control() {
        return table;
    }
}
