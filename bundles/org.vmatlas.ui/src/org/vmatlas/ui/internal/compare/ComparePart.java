package org.vmatlas.ui.internal.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.JobProgress;
import org.vmatlas.ui.internal.MessageLine;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Scrolling;
import org.vmatlas.ui.internal.ops.KernelChoice;
import org.vmatlas.ui.internal.scenario.ScenarioFiles;

/**
 * One scenario on two simulated personalities side by side: "Run both" runs it to the end on each, in
 * a session of its own, off the UI thread; each side shows its map and its steps, and the steps that
 * turned out differently are red on both sides.
 */
public class ComparePart {

    @Inject
    private RegionModelService models;

    private static final int MIN_WIDTH = 520;
    /** The maps and steps of both sides keep this height at least; below it, the part scrolls. */
    private static final int SIDES_HEIGHT = 320;
    private Scrolling scrolling;
    private CompareControls controls;
    private Label message;
    private CompareSide left;
    private CompareSide right;
    private final List<Scenario> scenarios = new ArrayList<>();
    private List<Session> shown = List.of();
    private Set<Integer> differing = Set.of();

    public ComparePart() {
    }

    /** For tests outside the workbench. */
    ComparePart(RegionModelService models) {
        this.models = models;
    }

    @PostConstruct
    public void create(Composite part) {
        // At 1366x768 the part is short: its controls scroll rather than fall below the fold.
        scrolling = Scrolling.in(part, MIN_WIDTH);
        Composite parent = scrolling.content();
        parent.setLayout(new GridLayout(1, false));
        scenarios.addAll(ScenarioFiles.lessons());
        controls = new CompareControls(parent, scenarios, this);
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sides = new SashForm(parent, SWT.HORIZONTAL);
        GridData sidesData = new GridData(SWT.FILL, SWT.FILL, true, true);
        sidesData.heightHint = SIDES_HEIGHT;
        sides.setLayoutData(sidesData);
        left = new CompareSide(sides);
        right = new CompareSide(sides);
    }

    /** Adds a user's script to the choices and selects it; an unreadable one is said. */
    void openScript(Path file) {
        try {
            Scenario scenario = ScenarioFiles.read(file);
            scenarios.add(scenario);
            controls.addScenario(scenario.title());
            say(scenario.runnable() ? "" : ScenarioFiles.problems(scenario), !scenario.runnable());
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), true);
        }
    }

    void openScriptDialog() {
        FileDialog dialog = new FileDialog(message.getShell(), SWT.OPEN);
        dialog.setText(Messages.scenario_openScript);
        dialog.setFilterExtensions(new String[] { "*.vms", "*.*" });
        String file = dialog.open();
        if (file != null) {
            openScript(Path.of(file));
        }
    }

    /** What one side's run left: its session and its steps' outcomes. */
    private record Run(Session session, List<StepOutcome> outcomes) {
    }

    void runBoth() {
        Scenario scenario = scenarios.get(controls.scenarioIndex());
        if (!scenario.runnable()) {
            say(ScenarioFiles.problems(scenario), true);
            return;
        }
        KernelChoice a = controls.left();
        KernelChoice b = controls.right();
        say(NLS.bind(Messages.compare_running, new Object[] { scenario.title(), a.label(), b.label() }), false);
        controls.setRunning(true);
        BackgroundWork.runVisible(NLS.bind(Messages.compare_jobName, scenario.title()), message.getDisplay(),
                monitor -> runs(scenario, a, b, monitor), this::showRuns, text -> {
                    controls.setRunning(false);
                    say(text, true);
                });
    }

    private List<Run> runs(Scenario scenario, KernelChoice a, KernelChoice b, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        List<Run> runs = List.of(run(scenario, a, progress.split(1)), run(scenario, b, progress.split(1)));
        if (monitor.isCanceled()) {
            runs.forEach(r -> models.close(r.session()));
        }
        return runs;
    }

    private Run run(Scenario scenario, KernelChoice choice, IProgressMonitor monitor) {
        // Compare offers simulated personalities only: opening one cannot fail
        Session session = models.open(NLS.bind(Messages.compare_sessionName, scenario.title(), choice.label()),
                choice.spec()).session();
        return new Run(session, new ScenarioRunner(scenario, session).runAll(new JobProgress(monitor)));
    }

    private void showRuns(List<Run> runs) {
        if (message.isDisposed()) {
            return;
        }
        controls.setRunning(false);
        shown.forEach(models::close); // the previous comparison's sessions belong to this part
        shown = runs.stream().map(Run::session).toList();
        differing = StepDifferences.between(runs.get(0).outcomes(), runs.get(1).outcomes());
        left.show(runs.get(0).session(), runs.get(0).outcomes(), differing);
        right.show(runs.get(1).session(), runs.get(1).outcomes(), differing);
        String a = runs.get(0).session().personality().displayName();
        String b = runs.get(1).session().personality().displayName();
        say(differing.isEmpty() ? NLS.bind(Messages.compare_same, a, b)
                : NLS.bind(Messages.compare_differ, new Object[] { differing.size(), a, b }), false);
    }

    private void say(String text, boolean bad) {
        MessageLine.show(message, text, bad);
        scrolling.fit();
    }

    /** State and widgets, for tests. */
    CompareControls controls() {
        return controls;
    }

    CompareSide left() {
        return left;
    }

    CompareSide right() {
        return right;
    }

    Set<Integer> differing() {
        return differing;
    }

    List<Session> sessions() {
        return shown;
    }

    List<String> scenarioNames() {
        return scenarios.stream().map(Scenario::name).toList();
    }

    String messageText() {
        return message.getText();
    }
}
