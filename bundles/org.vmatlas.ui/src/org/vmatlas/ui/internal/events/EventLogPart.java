package org.vmatlas.ui.internal.events;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Label;
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
 * The events of the current session in a virtual table (rows are filled only when shown). Up to
 * {@link EventWindow#ROWS} events it holds them all; past that a window of them, the newest while live and
 * those around the moment when the user went back, with a line above saying which. Selecting a row moves
 * the workbench to it.
 */
public class EventLogPart {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    private Table table;
    private Label range;
    private EventWindow window = new EventWindow(0, 0, 0);
    private Session shown;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = () -> refresher.request();

    @PostConstruct
    public void create(org.eclipse.swt.widgets.Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 2;
        parent.setLayout(layout);
        range = new Label(parent, SWT.NONE);
        range.setToolTipText(Messages.events_windowTip);
        range.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ((GridData) range.getLayoutData()).exclude = true;
        range.setVisible(false);
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.events_columnIndex, 64);
        column(Messages.events_columnCall, 330);
        column(Messages.events_columnResult, 200);
        column(Messages.events_columnConflict, 260);
        ColumnFit.install(table, new int[] { 11, 40, 21, 28 }, new int[] { 64, 120, 80, 100 });
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        table.addListener(SWT.Selection, event -> moment.seek(window.event(table.getSelectionIndex())));
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
        parent.layout();
        refresh();
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    private void fill(TableItem item, int row) {
        Session session = shown;
        int index = window.event(row);
        // GTK asks for rows it is removing too, with index -1 (see RegionsTable.fill)
        if (session == null || row < 0 || row >= window.rows() || index >= session.timeline().size()) {
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
        EventWindow next = EventWindow.of(count, moment.isLive(), moment.eventIndex(), window);
        boolean moved = next.first() != window.first();
        window = next; // before clearing: the toolkit may ask for visible rows at once
        if (moved) {
            table.clearAll(); // the rows now stand for other events
        }
        table.setItemCount(window.rows());
        showRange();
        // scrolling a table that has no size yet allocates its scroll bar a negative size (a GTK-CRITICAL)
        if (window.rows() > 0 && table.getClientArea().height > 0) {
            if (moment.isLive()) {
                table.showItem(table.getItem(window.rows() - 1));
            } else {
                showMoment();
            }
        }
    }

    /** The row of the moment shown, selected and scrolled to (a choice on the Timeline lands here too). */
    private void showMoment() {
        int row = window.row(Math.max(0, moment.eventIndex()));
        if (row >= 0 && row < window.rows() && table.getSelectionIndex() != row) {
            table.setSelection(row); // no Selection event: the moment is not sought again
            table.showSelection();
        }
    }

    private void showRange() {
        boolean partial = window.partial();
        if (partial) {
            range.setText(NLS.bind(moment.isLive() ? Messages.events_windowLive : Messages.events_windowAround,
                    new Object[] { String.format("%,d", window.first()), String.format("%,d", window.first() + window.rows() - 1),
                            String.format("%,d", window.total()) }));
        }
        if (range.getVisible() != partial) {
            range.setVisible(partial);
            ((GridData) range.getLayoutData()).exclude = !partial;
            range.getParent().layout(true);
        }
    }

    /** Rows shown now, for tests. */
    public Table table() {
        return table;
    }

    /** The line naming which events the table holds, for tests. */
    public Label range() {
        return range;
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
