package org.vmatlas.ui.internal.map;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.render.map.ColourMode;
import org.vmatlas.render.map.Colouring;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.RecentConflicts;
import org.vmatlas.render.map.RecentNotes;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.StartupReport;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.residency.SuspectMarks;

/**
 * The main part: the current session's address space at the workbench's moment, with a header of
 * totals and a legend. Model changes arrive on a background thread and are coalesced into one
 * refresh; the part reads an immutable snapshot and hands it to the canvas.
 */
public class AddressSpaceMapPart {

    private static final int FLASH_MILLIS = 700;

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    @Inject
    private ESelectionService selection;

    @Inject
    @Optional
    private EPartService parts;

    @Inject
    @Optional
    private MPart part;

    @Inject
    @Optional
    private RegionClassifier classifier;

    private Label header;
    private Button overview;
    private Button compact;
    private Combo colourMode;
    private MapLegend legendBox;
    private MapFacts facts;
    private int lastFlashed = -1;
    private Session shownSession;
    private SuspectMarks suspects = SuspectMarks.NONE;
    /** Each session's own zoom and pan, kept while the session is open: {from, to}. */
    private final Map<Session, double[]> views = new WeakHashMap<>();
    private MapCanvas map;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::refresh;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        header = new Label(parent, SWT.NONE);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        overview = new Button(parent, SWT.TOGGLE);
        overview.setText(Messages.map_hilbert);
        overview.setToolTipText(Messages.map_hilbertTip);
        compact = new Button(parent, SWT.TOGGLE);
        compact.setText(Messages.map_compact);
        compact.setToolTipText(Messages.map_compactTip);
        colourMode = new Combo(parent, SWT.READ_ONLY);
        for (ColourMode mode : ColourMode.values()) {
            colourMode.add(mode.label());
        }
        colourMode.select(0);
        colourMode.setToolTipText(Messages.map_colourTip);
        legendBox = new MapLegend(parent);
        var legend = legendBox.control();
        legend.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        map = new MapCanvas(parent);
        facts = new MapFacts(parent.getDisplay(), classifier, this::refresh);
        map.setOwners(region -> map.colouring().mode() == ColourMode.PROTECTION ? null : facts.ownerLabel(region));
        for (var control : new org.eclipse.swt.widgets.Control[] { header, overview, compact, legend }) {
            map.keysFrom(control);
        }
        map.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        colourMode.addListener(SWT.Selection, event -> {
            facts.forget();
            refresh();
            map.control().setFocus();
        });
        compact.addListener(SWT.Selection, event -> {
            map.setScale(compact.getSelection() ? MapLayout.Scale.COMPACT : MapLayout.Scale.BYTES);
            map.control().setFocus();
        });
        overview.addListener(SWT.Selection, event -> {
            map.setHilbert(overview.getSelection());
            map.control().setFocus();
        });
        map.onSelection(region -> selection.setSelection(region));
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
        refresh();
        // The map is the part to start with: its keys (+, -, Home, arrows) work before any click.
        parent.getDisplay().asyncExec(() -> {
            if (!parent.isDisposed() && part != null && parts != null) {
                parts.activate(part, true);
                map.control().setFocus();
            }
        });
    }

    private void refresh() {
        if (map.control().isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session != shownSession) {
            switchView(shownSession, session);
            shownSession = session;
            lastFlashed = -1;
        }
        if (session == null) {
            header.setText(Messages.map_noSession);
            map.show(List.of(), List.of(), List.of(), List.of());
            map.setNotes(RecentNotes.NONE);
            showSuspects();
            return;
        }
        AddressSpace space = moment.space(session);
        if (session.timeline().size() > 0) {
            StartupReport.firstCallShown();
        }
        int index = moment.effectiveIndex(session);
        List<Event> recent = RecentConflicts.window(session.timeline(), index);
        List<Conflict> conflicts = RecentConflicts.of(recent);
        // Only a new event flashes, and only for a moment.
        boolean fresh = moment.isLive() && index > lastFlashed;
        List<Region> changed = fresh && !recent.isEmpty() ? recent.getLast().added() : List.of(); // event index
        if (fresh) {
            lastFlashed = index;
            map.control().getDisplay().timerExec(FLASH_MILLIS, map::clearFlash);
        }
        map.show(space.regions(), conflicts, changed, space.duplicateGroups());
        map.setNotes(RecentNotes.of(recent));
        showSuspects();
        ColourMode mode = ColourMode.values()[Math.max(0, colourMode.getSelectionIndex())];
        Colouring colouring = facts.colouring(mode, session, space, moment.isLive());
        if (colouring.mode() != map.colouring().mode() || mode != ColourMode.PROTECTION) {
            map.setColouring(colouring);
            // The frame meets the regions' types first; the legend lists the types met.
            map.frame();
            legendBox.show(colouring);
            legendBox.control().getParent().layout(true, true);
        }
        header.setText(NLS.bind(moment.isLive() ? Messages.map_header : Messages.map_headerPast, new Object[] {
            session.name(), space.size(), RegionText.size(space.mappedBytes()), space.kernelMapCount(), index,
            session.timeline().size() }));
    }

    /** Keeps the view of the session left and shows the next one as it was last seen, or whole. */
    private void switchView(Session left, Session next) {
        var viewport = map.viewport();
        if (left != null) {
            views.put(left, new double[] { viewport.from(), viewport.to() });
        }
        double[] kept = next == null ? null : views.get(next);
        if (kept == null) {
            viewport.reset();
        } else {
            viewport.show(kept[0], kept[1]);
        }
        map.invalidate();
    }

    /** The Residency part's leak suspects: marked when they belong to the session shown. */
    @Inject
    @Optional
    public void suspects(@Named(SuspectMarks.CONTEXT_KEY) SuspectMarks marks) {
        suspects = marks == null ? SuspectMarks.NONE : marks;
        if (map != null && !map.control().isDisposed()) {
            showSuspects();
        }
    }

    private void showSuspects() {
        SuspectMarks shown = suspects.of(shownSession);
        map.setSuspects(shown);
        if (legendBox.showSuspects(!shown.isEmpty())) {
            legendBox.control().getParent().layout(true, true);
        }
    }

    @Inject
    @Optional
    public void selected(@Named(IServiceConstants.ACTIVE_SELECTION) Region region) {
        if (map != null && region != null && !map.control().isDisposed()) {
            map.setSelection(region);
        }
    }

    /** The header line, for tests. */
    Label headerLabel() {
        return header;
    }

    /** The colour mode chooser, for tests. */
    Combo colourModeCombo() {
        return colourMode;
    }

    /** The Compact toggle, for tests. */
    Button compactButton() {
        return compact;
    }

    /** The legend, for tests. */
    MapLegend legend() {
        return legendBox;
    }

    /** The Overview toggle, for tests. */
    Button overviewButton() {
        return overview;
    }

    /** The canvas, for export and tests. */
    public MapCanvas map() {
        return map;
    }

    @Focus
    public void focus() {
        map.control().setFocus();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
    }
}
