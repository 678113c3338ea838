package org.vmatlas.ui.internal.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.model.Event;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.ui.internal.ColumnFit;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * Every event of the current session in a virtual table (rows are filled only when shown, so a
 * million events cost nothing until scrolled to). Selecting a row moves the workbench to it.
 */
public class EventLogPart {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    private Table table;
    private Session shown;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();

    @PostConstruct
    public void create(org.eclipse.swt.widgets.Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.events_columnIndex, 50);
        column(Messages.events_columnCall, 330);
        column(Messages.events_columnResult, 200);
        column(Messages.events_columnConflict, 260);
        ColumnFit.install(table, new int[] { 8, 42, 22, 28 }, new int[] { 40, 120, 80, 100 });
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.Selection, event -> moment.seek(table.getSelectionIndex()));
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        parent.layout();
        refresh();
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    private void fill(TableItem item, int index) {
        Session session = shown;
        // GTK asks for rows it is removing too, with index -1 (see RegionsTable.fill)
        if (session == null || index < 0 || index >= session.timeline().size()) {
            return;
        }
        Event event = session.timeline().event(index);
        SysResult result = event.result();
        item.setText(new String[] {
            Integer.toString(index),
            event.call() != null ? event.call().describe() : event.source(),
            result != null ? result.describe() : event.changeSummary(),
            !event.conflicts().isEmpty() ? event.conflicts().get(0).message()
                    : event.notes().isEmpty() ? "" : event.notes().get(0) }); // a named pattern, not red
        if (event.failed() || !event.conflicts().isEmpty()) {
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session != shown) {
            shown = session;
            table.clearAll();
        }
        int count = session == null ? 0 : session.timeline().size();
        table.setItemCount(count);
        // scrolling a table that has no size yet allocates its scroll bar a negative size (a GTK-CRITICAL)
        if (count > 0 && moment.isLive() && table.getClientArea().height > 0) {
            table.showItem(table.getItem(count - 1));
        }
    }

    /** Rows shown now, for tests. */
    public Table table() {
        return table;
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
    }
}
