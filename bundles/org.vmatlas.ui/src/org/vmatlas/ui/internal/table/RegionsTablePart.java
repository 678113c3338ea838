package org.vmatlas.ui.internal.table;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.owners.RegionType;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.render.table.ProtPattern;
import org.vmatlas.sources.scenario.Amounts;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.summary.Classifying;
import org.vmatlas.ui.internal.summary.SummaryTopics;

/**
 * The regions at the workbench's moment in a virtual table, with a permission filter, an address look-up
 * and selection totals. The selection is shared with the map through the selection service.
 */
public class RegionsTablePart {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    @Inject
    @Optional
    private ESelectionService selection;

    @Inject
    @Optional
    private RegionClassifier classifier;

    private Classifying classifying;
    private RegionType chosenType;
    private Classification owners;
    /** Where the address last looked up lies, as owner and offset ({@code libc.so.6+0x98970 (malloc+0x40)}). */
    private String located = "";
    private Text filter;
    private Text lookup;
    private Text name;
    private Label problem;
    private Label footer;
    private RegionsTable table;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::refresh;

    public RegionsTablePart() {
    }

    /** For tests outside the workbench: what injection would give. */
    RegionsTablePart(RegionModelService models, WorkbenchMoment moment) {
        this.models = models;
        this.moment = moment;
    }

    /** For tests outside the workbench, with the selection service the map and the process picker listen to. */
    RegionsTablePart(RegionModelService models, WorkbenchMoment moment, ESelectionService selection) {
        this(models, moment);
        this.selection = selection;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.table_filter);
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH);
        filter.setMessage(Messages.table_filterHint);
        filter.setToolTipText(Messages.table_filterTip);
        filter.setLayoutData(new GridData(90, SWT.DEFAULT));
        filter.addListener(SWT.Modify, event -> applyFilter());
        new Label(parent, SWT.NONE).setText(Messages.table_name);
        name = new Text(parent, SWT.BORDER | SWT.SEARCH);
        name.setMessage(Messages.table_nameHint);
        name.setToolTipText(Messages.table_nameTip);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.addListener(SWT.Modify, event -> applyFilter());
        new Label(parent, SWT.NONE).setText(Messages.table_lookup);
        lookup = new Text(parent, SWT.BORDER | SWT.SEARCH);
        lookup.setMessage(Messages.table_lookupHint);
        lookup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        lookup.addListener(SWT.DefaultSelection, event -> lookUp());
        problem = new Label(parent, SWT.NONE);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        table = new RegionsTable(parent, this::selectionChanged);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        if (chosenType != null) {
            table.filterType(chosenType); // chosen in the Summary before this part was opened
        }
        footer = new Label(parent, SWT.NONE);
        footer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        classifying = new Classifying(parent.getDisplay(), classifier, this::owners);
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
        refresh();
    }

    void refresh() {
        if (table.control().isDisposed()) {
            return;
        }
        Session session = models.current();
        table.show(session == null ? null : moment.space(session));
        classifying.request(session, session == null ? null : moment.space(session));
        updateFooter();
    }

    /** Types, owners and residency of the regions shown, when the classifier has them. */
    void owners(Classification classification) {
        if (!table.control().isDisposed()) {
            owners = classification;
            table.owners(classification);
            updateFooter();
        }
    }

    /** The Summary part chose a type (a {@link RegionType} name), or every type (empty, or nothing yet). */
    @Inject
    @Optional
    public void typeChosen(@Named(SummaryTopics.TYPE) String type) {
        chosenType = type == null || type.isEmpty() ? null : RegionType.valueOf(type);
        if (table != null && !table.control().isDisposed()) {
            table.filterType(chosenType);
            updateFooter();
        }
    }

    private void applyFilter() {
        try {
            table.filter(ProtPattern.parse(filter.getText()));
            problem.setText("");
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
        String text = name.getText().strip();
        try {
            table.filterNames(text.isEmpty() ? null : Pattern.compile(text, Pattern.CASE_INSENSITIVE));
        } catch (PatternSyntaxException e) {
            // say why in the part; the table keeps the last name filter that made sense
            problem.setText(NLS.bind(Messages.table_nameBad, e.getDescription(), e.getIndex() + 1));
        }
        updateFooter();
    }

    /** Selects and reveals the region holding the address typed in the look-up field. */
    void lookUp() {
        Session session = models.current();
        try {
            long address = Amounts.parse(lookup.getText(), Messages.table_lookup,
                    session == null || session.arena() == null ? null : session.arena().start());
            boolean found = table.reveal(address);
            problem.setText(found ? "" : NLS.bind(Messages.table_notMapped, Long.toHexString(address)));
            if (found) {
                // a selection made by the program sends no SWT event: tell the other parts here
                selectionChanged(table.firstSelected());
                located = owners == null ? "" : owners.locate(address).toString();
                updateFooter();
                return;
            }
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
        updateFooter();
    }

    private void selectionChanged(Region first) {
        located = "";
        updateFooter();
        if (selection != null && first != null) {
            selection.setSelection(first);
        }
    }

    private void updateFooter() {
        int[] rows = table.control().getSelectionIndices();
        footer.setText(NLS.bind(Messages.table_footer, new Object[] { table.rows().size(), table.rows().regionCount(),
            rows.length, RegionText.size(table.rows().bytes(rows)) }) + (located.isEmpty() ? "" : "; " + located));
    }

    @Inject
    @Optional
    public void selected(@Named(IServiceConstants.ACTIVE_SELECTION) Region region) {
        if (table != null && region != null && !table.control().isDisposed()) {
            table.reveal(region.start());
            updateFooter();
        }
    }

    /** The widgets, for tests. */
    RegionsTable table() {
        return table;
    }

    Text filterField() {
        return filter;
    }

    Text nameField() {
        return name;
    }

    Text lookupField() {
        return lookup;
    }

    String problemText() {
        return problem.getText();
    }

    String footerText() {
        return footer.getText();
    }

    @Focus
    public void focus() {
        table.control().setFocus();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
