package org.vmatlas.ui.internal.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioStep;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.ops.KernelChoice;

class ScenarioPartTest {

    private static final String LESSON = "go-heap-growth.vms";
    private Shell shell;
    private RegionModelService models;
    private ScenarioPart part;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        part = new ScenarioPart(models, new WorkbenchMoment());
        part.create(shell);
        shell.setSize(900, 700);
        shell.open();
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        models.sessions().forEach(models::close);
    }

    /** The narration the last run of consecutive say lines makes, read from the script's text. */
    private static String lastNarration(Scenario scenario) {
        String paragraph = "";
        boolean inSay = false;
        for (ScenarioStep step : scenario.steps()) {
            boolean say = step.text().startsWith("# say:");
            if (say) {
                String text = step.text().substring("# say:".length()).strip();
                paragraph = inSay ? paragraph + " " + text : text;
            }
            inSay = say;
        }
        return paragraph;
    }

    private void selectLesson(String name) {
        part.selectLesson(part.controls().lessonTitles().indexOf(Lessons.load(name).title()));
    }

    private void selectRealGoLesson() {
        part.selectLesson(part.controls().lessonTitles().indexOf(GoLessonMessages.title));
    }

    @Test
    void runsALessonOnSimulatedLinuxToTheEnd() {
        Scenario lesson = Lessons.load(LESSON);
        List<String> titles = new java.util.ArrayList<>(Lessons.all().stream().map(Scenario::title).toList());
        titles.add(titles.indexOf(lesson.title()) + 1, GoLessonMessages.title);
        assertEquals(titles, part.controls().lessonTitles(), "the real Go lesson follows the simulated one");
        selectLesson(LESSON);
        part.controls().chooseKernel(KernelChoice.LINUX);
        part.controls().setStepsPerSecond(100);
        part.run();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Finished"), 20_000,
                "the end of the lesson, got: " + part.messageText());
        List<StepOutcome> outcomes = part.outcomes().outcomes();
        assertEquals(lesson.steps().size(), outcomes.size());
        assertTrue(outcomes.stream().noneMatch(o -> o.status() == StepOutcome.Status.UNMET), part.messageText());
        assertTrue(part.player().passed());
        assertEquals(lastNarration(lesson), part.narrationText());
        Session session = part.player().session();
        assertEquals(session, models.current());
        assertEquals(Personality.LINUX, session.personality());
        int events = outcomes.stream().mapToInt(o -> o.events().size()).sum();
        assertEquals(events, session.timeline().size());
        UiTestSupport.captureShell(shell, "scenario-part.png");
    }

    @Test
    void stepRunsOneStepAtATime() {
        selectLesson(LESSON);
        part.step();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.outcomes().outcomes().size() == 1, 5000, "one step");
        assertEquals(Lessons.load(LESSON).steps().getFirst(), part.outcomes().outcomes().getFirst().step());
        UiTestSupport.waitUntil(shell.getDisplay(), () -> !part.player().playing(), 5000, "the step's end");
        part.step();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.outcomes().outcomes().size() == 2, 5000, "two steps");
        assertFalse(part.player().finished());
    }

    @Test
    void parseErrorsNameTheLineAndNothingRuns(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.vms");
        Files.writeString(script, "lesson Broken\nreserve 64M as arena\nprotect arena 4K rwz\nmap arena 4M rw\n");
        int sessions = models.sessions().size();
        part.openScript(script);
        assertTrue(part.messageText().contains("bad.vms"), part.messageText());
        assertTrue(part.messageText().contains("line 3:"), part.messageText());
        assertTrue(part.messageText().contains("rwz"), part.messageText());
        part.step();
        assertNull(part.player());
        assertEquals(sessions, models.sessions().size());
    }

    @Test
    void unreadableScriptIsSaidAndTheLessonStays(@TempDir Path dir) {
        selectLesson(LESSON);
        Path missing = dir.resolve("missing.vms");
        part.openScript(missing);
        assertTrue(part.messageText().contains(missing.toString()), part.messageText());
        part.step();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.outcomes().outcomes().size() == 1, 5000, "one step");
        assertNotNull(part.player());
    }

    @Test
    void withoutGoTheRealGoLessonSaysHowToInstallItAndDoesNotRun() {
        String path = RealGoLesson.searchPath;
        RealGoLesson.searchPath = "/nonexistent/bin:/usr/lib/vmatlas-none";
        try {
            int before = models.sessions().size();
            selectRealGoLesson();
            assertTrue(part.messageText().contains("no go command on the PATH"), part.messageText());
            assertTrue(part.messageText().contains("apt-get install golang-go"), part.messageText());
            assertTrue(part.narrationText().startsWith("A real Go program") && !part.narrationText().contains("''"),
                    part.narrationText());
            assertFalse(part.controls().stepEnabled(), "Step is off");
            assertFalse(part.controls().runEnabled(), "Run is off");
            part.run();
            part.step();
            shell.getDisplay().readAndDispatch();
            assertEquals(before, models.sessions().size(), "nothing was built or traced");
            assertTrue(part.messageText().contains("apt-get install golang-go"), part.messageText());
        } finally {
            RealGoLesson.searchPath = path;
        }
    }

    @Test
    void theRealGoLessonTracesAGoProgramThroughReservedPreparedAndReady() throws Exception {
        org.vmatlas.ui.trace.TracingTest.assumePtrace();
        assertTrue(Files.isExecutable(Path.of("/usr/bin/go")), "go is installed by releng/scripts/env.sh (golang-go)");
        selectRealGoLesson();
        assertTrue(part.controls().stepEnabled(), part.messageText());
        assertFalse(part.controls().kernelApplies(), "the real lesson runs on this machine's kernel");
        part.step();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.outcomes().outcomes().size() == 1, 120_000,
                "the program's first phase, got: " + part.messageText());
        Session session = models.current();
        assertTrue(session.name().contains("goheap"), session.name());
        assertTrue(part.narrationText().startsWith("The runtime has started"), part.narrationText());
        part.controls().setStepsPerSecond(20);
        part.speedChanged();
        part.run();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Finished"), 60_000,
                "the end of the lesson, got: " + part.messageText());
        List<String> phases = part.outcomes().outcomes().stream().map(o -> o.step().text()).toList();
        assertEquals(List.of("started", "grown", "freed", "grown again", "done 32"), phases);
        assertNotNull(session.space().regionAt(org.vmatlas.trace.GoHeapProgram.ARENA_HINT), "the heap at Go's hint");
        List<Class<?>> transitions = new java.util.ArrayList<>();
        for (int i = 0; i < session.timeline().size(); i++) {
            var call = session.timeline().event(i).call();
            if (call != null && call.getClass().getSimpleName().startsWith("Sys")) {
                transitions.add(call.getClass());
            }
        }
        int map = transitions.indexOf(org.vmatlas.model.Call.SysMap.class);
        assertTrue(map >= 0, "sysMap read from the calls: " + transitions);
        assertEquals(org.vmatlas.model.Call.SysUsed.class, transitions.get(map + 1), "Reserved -> Prepared -> Ready");
        assertTrue(transitions.contains(org.vmatlas.model.Call.SysUnused.class), "freeing: Ready -> Prepared");
        String grown = part.outcomes().outcomes().get(1).message();
        String freed = part.outcomes().outcomes().get(2).message();
        assertFalse(grown.contains("Ready 0 MiB"), grown);
        assertFalse(freed.contains("Prepared 0 MiB"), freed);
        assertFalse(part.controls().stepEnabled(), "Restart runs it again");
        selectLesson(LESSON);
        assertTrue(part.controls().kernelApplies(), "a simulated lesson chooses its kernel again");
        UiTestSupport.captureShell(shell, "scenario-real-go.png");
    }
}
