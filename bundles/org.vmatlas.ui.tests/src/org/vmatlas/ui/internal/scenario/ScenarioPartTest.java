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
        part.selectLesson(Lessons.names().indexOf(name));
    }

    @Test
    void runsALessonOnSimulatedLinuxToTheEnd() {
        Scenario lesson = Lessons.load(LESSON);
        assertEquals(Lessons.all().stream().map(Scenario::title).toList(), part.controls().lessonTitles());
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
}
