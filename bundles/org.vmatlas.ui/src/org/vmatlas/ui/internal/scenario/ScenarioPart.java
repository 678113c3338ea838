package org.vmatlas.ui.internal.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioStep;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.MessageLine;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Scrolling;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.ops.KernelChoice;

/**
 * The scenario runner: a shipped lesson or a user's script, a kernel to run it on, and Step / Run /
 * Pause at a chosen number of steps per second. Narration ({@code # say:}) is shown large; every step's
 * outcome is listed. A script with mistakes shows each with its line and does not run. The first step
 * opens a fresh session on the chosen kernel and makes it current, so every view follows the lesson. Beside the
 * simulated Go lesson, {@link RealGoLesson} traces a real Go program doing the same.
 */
public class ScenarioPart {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Step rows the outcome table shows at least. */
    private static final int OUTCOME_ROWS = 6;
    private static final int MIN_WIDTH = 280;

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    private Scrolling scrolling;
    private ScenarioControls controls;
    private Label narration;
    private Label message;
    private OutcomeTable outcomes;
    /** The simulated Go lesson, which the real one follows in the list. */
    private static final String SIMULATED_GO = "go-heap-growth.vms";

    /** The shipped lessons in the list's order, {@code null} where the real Go lesson sits. */
    private final List<Scenario> lessons = new ArrayList<>();
    private Scenario scenario;
    private RealGoLesson real;
    private ScenarioPlayer player;
    private boolean lastWasNarration;

    public ScenarioPart() {
    }

    /** For tests outside the workbench. */
    ScenarioPart(RegionModelService models, WorkbenchMoment moment) {
        this.models = models;
        this.moment = moment;
    }

    @PostConstruct
    public void create(Composite part) {
        scrolling = Scrolling.in(part, MIN_WIDTH);
        Composite parent = scrolling.content();
        parent.setLayout(new GridLayout(1, false));
        lessons.addAll(ScenarioFiles.lessons());
        int simulated = 0;
        while (simulated < lessons.size() && !lessons.get(simulated).name().equals(SIMULATED_GO)) {
            simulated++;
        }
        lessons.add(Math.min(simulated + 1, lessons.size()), null);
        controls = new ScenarioControls(parent,
                lessons.stream().map(l -> l == null ? GoLessonMessages.title : l.title()).toList(), this);
        narration = new Label(parent, SWT.WRAP);
        narration.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        controls.enlarge(narration);
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        outcomes = new OutcomeTable(parent);
        GridData table = new GridData(SWT.FILL, SWT.FILL, true, true);
        // the steps are the lesson's record: never squeezed to nothing by the narration above them
        table.heightHint = outcomes.control().getHeaderHeight() + OUTCOME_ROWS * outcomes.control().getItemHeight();
        table.minimumHeight = table.heightHint;
        outcomes.control().setLayoutData(table);
        if (!lessons.isEmpty()) {
            selectLesson(0);
        }
    }

    void selectLesson(int index) {
        controls.showLesson(index);
        if (lessons.get(index) == null) {
            chooseRealGo();
        } else {
            choose(lessons.get(index));
        }
    }

    private void chooseRealGo() {
        leaveRealGo();
        scenario = null;
        real = new RealGoLesson(models, message.getDisplay(), new RealGoLesson.Stage() {
            @Override
            public void narrate(String text) {
                if (!narration.isDisposed()) {
                    narration.setText(text);
                    scrolling.fit();
                }
            }

            @Override
            public void say(String text, boolean bad) {
                ScenarioPart.this.say(text, bad);
            }

            @Override
            public void phase(int number, String line, String states) {
                if (!outcomes.control().isDisposed()) {
                    outcomes.add(new StepOutcome(new ScenarioStep(number, line), StepOutcome.Status.DONE, List.of(),
                            states));
                }
            }

            @Override
            public void enable(boolean runnable, boolean playing) {
                if (!message.isDisposed()) {
                    controls.enable(runnable, playing);
                }
            }
        });
        real.setStepsPerSecond(controls.stepsPerSecond());
        controls.kernelApplies(false);
        restart();
    }

    private void leaveRealGo() {
        if (real != null) {
            real.stop();
            real = null;
            controls.kernelApplies(true);
        }
    }

    /** Reads a user's script; an unreadable file is said and the scenario shown so far stays. */
    void openScript(Path file) {
        try {
            choose(ScenarioFiles.read(file));
            controls.showScript(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), true);
        }
    }

    void openScriptDialog() {
        FileDialog dialog = new FileDialog(message.getShell(), SWT.OPEN);
        dialog.setText(Messages.scenario_openScript);
        dialog.setFilterExtensions(new String[] { "*.vms", "*.*" });
        dialog.setFilterNames(new String[] { Messages.scenario_scriptFilter, "*" });
        String file = dialog.open();
        if (file != null) {
            openScript(Path.of(file));
        }
    }

    private void choose(Scenario chosen) {
        leaveRealGo();
        scenario = chosen;
        restart();
    }

    /** Forgets the run so far; the next Step or Run starts the scenario again in a new session. */
    void restart() {
        if (player != null) {
            player.pause();
            player = null;
        }
        outcomes.clear();
        narration.setText("");
        lastWasNarration = false;
        if (real != null) {
            real.stop();
            real.introduce();
            return;
        }
        if (scenario == null) {
            say(Messages.scenario_noScenario, false);
        } else if (!scenario.runnable()) {
            say(ScenarioFiles.problems(scenario), true);
        } else {
            say(NLS.bind(Messages.scenario_ready, scenario.title(), scenario.steps().size()), false);
        }
        controls.enable(scenario != null && scenario.runnable(), false);
    }

    void step() {
        if (real != null) {
            real.step();
            return;
        }
        play(1);
    }

    void run() {
        if (real != null) {
            real.run();
            return;
        }
        play(Integer.MAX_VALUE);
    }

    void pause() {
        if (real != null) {
            real.pause();
        }
        if (player != null) {
            player.pause();
        }
    }

    void speedChanged() {
        if (real != null) {
            real.setStepsPerSecond(controls.stepsPerSecond());
        }
        if (player != null) {
            player.setStepsPerSecond(controls.stepsPerSecond());
        }
    }

    private void play(int steps) {
        if (scenario == null || !scenario.runnable() || (player == null && !startSession())) {
            return;
        }
        player.setStepsPerSecond(controls.stepsPerSecond());
        controls.enable(true, true);
        player.play(steps);
    }

    /** Opens a session on the chosen kernel; a native sandbox that cannot be opened is said, not thrown. */
    private boolean startSession() {
        KernelChoice choice = controls.kernel();
        OpenedSession opened = models.open(NLS.bind(Messages.scenario_sessionName, scenario.title(),
                choice.label()) + " #" + COUNTER.incrementAndGet(), choice.spec());
        if (!opened.isOpen()) {
            say(NLS.bind(Messages.ops_kernelFailed, choice.label(), opened.reason()), true);
            return false;
        }
        Session session = opened.session();
        models.setCurrent(session);
        moment.live();
        player = new ScenarioPlayer(scenario, session, message.getDisplay(), this::stepped, this::stopped);
        return true;
    }

    private void stepped(StepOutcome outcome) {
        if (outcomes.control().isDisposed()) {
            return;
        }
        outcomes.add(outcome);
        if (outcome.status() == StepOutcome.Status.SAID) {
            // consecutive say lines are one paragraph of narration
            narration.setText(lastWasNarration ? narration.getText() + " " + outcome.message() : outcome.message());
            scrolling.fit();
        }
        lastWasNarration = outcome.status() == StepOutcome.Status.SAID;
    }

    private void stopped() {
        if (message.isDisposed() || player == null) {
            return;
        }
        controls.enable(!player.finished(), false);
        if (player.finished()) {
            long met = outcomes.outcomes().stream().filter(o -> o.status() == StepOutcome.Status.MET).count();
            long unmet = outcomes.outcomes().stream().filter(o -> o.status() == StepOutcome.Status.UNMET).count();
            say(NLS.bind(Messages.scenario_finished, new Object[] { outcomes.outcomes().size(), met, unmet }),
                    !player.passed());
        }
    }

    private void say(String text, boolean bad) {
        MessageLine.show(message, text, bad);
        scrolling.fit();
    }

    /** State and widgets, for tests. */
    ScenarioControls controls() {
        return controls;
    }

    ScenarioPlayer player() {
        return player;
    }

    OutcomeTable outcomes() {
        return outcomes;
    }

    String narrationText() {
        return narration.getText();
    }

    String messageText() {
        return message.getText();
    }

    @PreDestroy
    public void dispose() {
        pause();
        leaveRealGo();
    }
}
