package org.vmatlas.ui.internal.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.owners.Residency;
import org.vmatlas.owners.TypeSummary;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * The current session's memory by type, as the upper table of a memory map: size, committed, resident,
 * proportional, private dirty and swapped bytes, regions and the largest, with a total. Selecting a type
 * shows only its regions in the Regions table. The classification runs in the background.
 */
public class SummaryPart {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    @Inject
    @Optional
    private RegionClassifier classifier;

    @Inject
    @Optional
    private MApplication application;

    /** Where a chosen type goes: the application's context in the workbench, a recorder in tests. */
    private Consumer<String> chooser;

    private Label header;
    private Table table;
    private Classifying classifying;
    private UiRefresher refresher;
    private final List<String> rowTypes = new ArrayList<>();
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::refresh;

    public SummaryPart() {
    }

    /** For tests outside the workbench: what injection would give. */
    SummaryPart(RegionModelService models, WorkbenchMoment moment, RegionClassifier classifier, Consumer<String> chooser) {
        this.models = models;
        this.moment = moment;
        this.classifier = classifier;
        this.chooser = chooser;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        header = new Label(parent, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setToolTipText(Messages.filterTip);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] titles = { Messages.columnType, Messages.columnSize, Messages.columnCommitted, Messages.columnRss,
            Messages.columnPss, Messages.columnPrivateDirty, Messages.columnSwap, Messages.columnRegions,
            Messages.columnLargest };
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, i == 0 ? SWT.LEFT : SWT.RIGHT);
            column.setText(titles[i]);
            column.setWidth(i == 0 ? 120 : 85);
        }
        table.addListener(SWT.Selection, event -> chosen());
        if (chooser == null && application != null) {
            chooser = type -> application.getContext().set(SummaryTopics.TYPE, type);
        }
        classifying = new Classifying(parent.getDisplay(), classifier, this::show);
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
        refresh();
    }

    void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session == null) {
            header.setText(Messages.noSession);
            table.removeAll();
            rowTypes.clear();
            return;
        }
        if (classifier == null) {
            header.setText(Messages.noClassifier);
            return;
        }
        classifying.request(session, moment.space(session));
    }

    void show(Classification owners) {
        if (table.isDisposed()) {
            return;
        }
        Session session = models.current();
        TypeSummary summary = TypeSummary.of(owners);
        header.setText(NLS.bind(owners.hasResidency() ? Messages.headerMeasured : Messages.header,
                session == null ? "" : session.name(), summary.total().regions()));
        String selected = table.getSelectionIndex() >= 0 && table.getSelectionIndex() < rowTypes.size()
                ? rowTypes.get(table.getSelectionIndex()) : null;
        table.removeAll();
        rowTypes.clear();
        for (TypeSummary.Row row : summary.rows()) {
            add(row, row.type().displayName(), row.type().name());
        }
        add(summary.total(), Messages.total, "");
        int keep = selected == null ? -1 : rowTypes.indexOf(selected);
        if (keep >= 0) {
            table.select(keep);
        }
    }

    private void add(TypeSummary.Row row, String label, String type) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] { label, RegionText.size(row.size()), RegionText.size(row.committed()),
            bytes(row.rss()), bytes(row.pss()), bytes(row.privateDirty()), bytes(row.swap()),
            Integer.toString(row.regions()), RegionText.size(row.largest()) });
        rowTypes.add(type);
    }

    private static String bytes(long figure) {
        return Residency.known(figure) ? RegionText.size(figure) : "";
    }

    private void chosen() {
        int row = table.getSelectionIndex();
        if (chooser != null && row >= 0 && row < rowTypes.size()) {
            chooser.accept(rowTypes.get(row));
        }
    }

    /** The table, for tests. */
    Table table() {
        return table;
    }

    String headerText() {
        return header.getText();
    }

    @Focus
    public void focus() {
        table.setFocus();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
