package org.vmatlas.ui.internal.residency;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.jfree.chart.swt.ChartComposite;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.sources.residency.Figures;
import org.vmatlas.sources.residency.Growth;
import org.vmatlas.sources.residency.LeakSuspects;
import org.vmatlas.sources.residency.ResidencyHistory;
import org.vmatlas.sources.residency.ResidencySampler;
import org.vmatlas.ui.internal.HoverTips;
import org.vmatlas.ui.internal.Scrolling;
import org.vmatlas.ui.internal.UiRefresher;
import org.vmatlas.ui.internal.Widgets;

/**
 * Residency over time for a session that follows a live process (attached or traced): {@code smaps}
 * sampled once a second by default into a bounded history, the process's RSS, PSS, dirty and swap charted
 * over seconds, and its regions ranked by how much they grew over a chosen window, leak suspects first.
 * Sampling starts when the part first shows such a session and goes on while the process lives. Choosing
 * a suspect selects its region for the whole workbench, so the map marks it; the strongest growers
 * ({@link LeakSuspects}) are marked on the map as long as they stay suspects. "By type" plots RSS by region
 * type instead, each new sample typed by the owners' service off the UI thread ({@link TypeSampling}).
 */
public class ResidencyPart {

    static final Duration[] WINDOWS = { Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1) };
    static final String[] WINDOW_NAMES = { "10 s", "1 min", "5 min", "15 min", "1 h" };
    static final int MAX_ROWS = 50;

    @Inject
    private RegionModelService models;

    @Inject
    @Optional
    private ESelectionService selection;

    @Inject
    @Optional
    private MApplication application;

    @Inject
    @Optional
    private RegionClassifier classifier;

    /** Where the leak suspects go: the application's context in the workbench (the map marks them), a recorder in tests. */
    private Consumer<SuspectMarks> suspectsOut;
    private SuspectMarks published = SuspectMarks.NONE;

    private final Map<Session, Sampling> samplings = new HashMap<>();
    private final ResidencyChart chart = new ResidencyChart();
    private Label status;
    private Button pause;
    private Button byType;
    private TypeSampling typeSampling;
    private Spinner every;
    private Combo window;
    private GrowersTable growers;
    private UiRefresher refresher;
    private Scrolling scrolling;
    private volatile Session shownSession;
    private volatile int shownSessions;
    /** Only a change of session concerns this part (and closed sessions); samples arrive on their own. */
    private final ModelListener listener = change -> {
        if (models.current() != shownSession || models.sessions().size() != shownSessions) {
            refresher.request();
        }
    };


    public ResidencyPart() {
    }

    /** For tests outside the workbench. */
    ResidencyPart(RegionModelService models, ESelectionService selection) {
        this(models, selection, marks -> { });
    }

    /** For tests outside the workbench, recording the suspects published. */
    ResidencyPart(RegionModelService models, ESelectionService selection, Consumer<SuspectMarks> suspectsOut) {
        this(models, selection, suspectsOut, null);
    }

    /** For tests outside the workbench, with the classifier the per-type view asks. */
    ResidencyPart(RegionModelService models, ESelectionService selection, Consumer<SuspectMarks> suspectsOut,
            RegionClassifier classifier) {
        this.models = models;
        this.selection = selection;
        this.suspectsOut = suspectsOut;
        this.classifier = classifier;
    }

    @PostConstruct
    public void create(Composite part) {
        // a chart stack on a 1366x768 screen is about 220 pixels high: the chart and the ranking scroll
        scrolling = Scrolling.in(part, 560);
        Composite parent = scrolling.content();
        parent.setLayout(new GridLayout(1, false));
        Composite row = Widgets.row(parent, 7, 1);
        status = new Label(row, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pause = Widgets.button(row, Messages.pause, this::togglePause);
        new Label(row, SWT.NONE).setText(Messages.every);
        every = new Spinner(row, SWT.BORDER);
        every.setValues((int) ResidencySampler.DEFAULT_INTERVAL.toMillis(), 100, 60_000, 0, 100, 1000);
        every.setToolTipText(Messages.everyTip);
        every.addListener(SWT.Selection, e -> {
            Sampling s = current();
            if (s != null) {
                s.restart(interval());
            }
        });
        new Label(row, SWT.NONE).setText(Messages.window);
        window = new Combo(row, SWT.READ_ONLY);
        window.setItems(WINDOW_NAMES);
        window.select(1);
        window.setToolTipText(Messages.windowTip);
        window.addListener(SWT.Selection, e -> refresh());
        byType = new Button(row, SWT.TOGGLE);
        byType.setText(Messages.byType);
        byType.setToolTipText(Messages.byTypeTip);
        byType.setEnabled(classifier != null);
        byType.addListener(SWT.Selection, e -> refresh());
        typeSampling = new TypeSampling(part.getDisplay(), classifier, () -> refresher.request());
        ChartComposite chartComposite = new ChartComposite(parent, SWT.NONE, chart.chart(), true);
        HoverTips.install(chartComposite);
        GridData chartData = new GridData(SWT.FILL, SWT.FILL, true, true);
        chartData.heightHint = 240;
        chartComposite.setLayoutData(chartData);
        growers = new GrowersTable(parent, this::showOnMap);
        if (suspectsOut == null) {
            suspectsOut = marks -> {
                if (application != null) {
                    application.getContext().set(SuspectMarks.CONTEXT_KEY, marks);
                }
            };
        }
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        refresh();
    }

    private Duration interval() {
        return Duration.ofMillis(every.getSelection());
    }

    private Sampling current() {
        Session session = models.current();
        return session == null ? null : samplings.get(session);
    }

    private void togglePause() {
        Sampling s = current();
        if (s == null) {
            return;
        }
        if (s.running()) {
            s.pause();
        } else {
            s.start(interval());
        }
        refresh();
    }

    void refresh() {
        if (status.isDisposed()) {
            return;
        }
        dropClosedSessions();
        Session session = models.current();
        shownSession = session;
        shownSessions = models.sessions().size();
        OptionalLong pid = session == null ? OptionalLong.empty() : session.process();
        if (pid.isEmpty()) {
            status.setText(session == null ? Messages.noSession : NLS.bind(Messages.noProcess, session.name()));
            show(List.of(), List.of());
            publish(new SuspectMarks(session, List.of()));
            pause.setEnabled(false);
            every.setEnabled(false);
            window.setEnabled(false);
            byType.setEnabled(false);
            scrolling.fit();
            return;
        }
        Sampling sampling = samplings.computeIfAbsent(session, s -> {
            Sampling fresh = new Sampling(pid.getAsLong(), refresher::request);
            fresh.start(interval());
            return fresh;
        });
        ResidencyHistory history = sampling.history();
        List<Figures> totals = history.totals();
        status.setText(statusText(sampling, totals));
        pause.setText(sampling.running() ? Messages.pause : Messages.resume);
        pause.setEnabled(sampling.ended() == null);
        every.setEnabled(sampling.ended() == null);
        window.setEnabled(true);
        byType.setEnabled(classifier != null);
        show(totals, history.strongestGrowers(WINDOWS[Math.max(0, window.getSelectionIndex())], MAX_ROWS));
        publish(new SuspectMarks(session, LeakSuspects.among(growers.shown())));
        if (byType.getSelection()) {
            // one classification a new sample at most, never on this thread
            if (sampling.running() && sampling.classificationDue()) {
                typeSampling.request(sampling, session.space());
            }
            chart.updateByType(sampling.byType(), totals.isEmpty() ? 0 : totals.getFirst().timeNanos());
        }
        status.getParent().layout();
        scrolling.fit();
    }

    private static String statusText(Sampling sampling, List<Figures> totals) {
        long samples = sampling.history().samples();
        if (sampling.ended() != null) {
            return NLS.bind(Messages.ended, sampling.ended().message(), samples);
        }
        if (!sampling.running()) {
            return NLS.bind(Messages.paused, samples, sampling.pid());
        }
        Figures last = totals.isEmpty() ? new Figures(0, 0, 0, 0, 0) : totals.getLast();
        return NLS.bind(Messages.sampling, new Object[] { sampling.pid(), samples, sampling.history().regions(),
            RegionText.size(last.rss()), RegionText.size(last.pss()), RegionText.size(last.dirty()),
            RegionText.size(last.swap()) });
    }

    private void show(List<Figures> totals, List<Growth> growth) {
        chart.update(totals);
        growers.show(growth, !totals.isEmpty());
    }

    /** Tells the map the suspects when they changed: the context wakes its readers on every new value. */
    private void publish(SuspectMarks marks) {
        if (!marks.equals(published)) {
            published = marks;
            suspectsOut.accept(marks);
        }
    }

    /** A chosen leak suspect becomes the workbench's selection: the map marks it, Regions shows it. */
    private void showOnMap(Growth chosen) {
        Session session = models.current();
        Region region = session == null ? null : session.space().regionAt(chosen.region().start());
        if (region != null && selection != null) {
            selection.setSelection(region);
        }
    }

    private void dropClosedSessions() {
        List<Session> open = models.sessions();
        samplings.entrySet().removeIf(e -> {
            if (open.contains(e.getKey())) {
                return false;
            }
            e.getValue().pause();
            return true;
        });
    }

    @PreDestroy
    public void dispose() {
        publish(SuspectMarks.NONE);
        models.removeListener(listener);
        samplings.values().forEach(Sampling::pause);
        samplings.clear();
    }

    /** For tests. */
    String statusText() {
        return status.getText();
    }

    Table growersTable() {
        return growers.control();
    }

    ResidencyChart residencyChart() {
        return chart;
    }

    Combo windowCombo() {
        return window;
    }

    Button pauseButton() {
        return pause;
    }

    Button byTypeButton() {
        return byType;
    }
}
