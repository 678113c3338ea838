package org.vmatlas.ui.internal.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.ops.KernelChoice;

class ComparePartTest {

    private static final String AIX_LESSON = "go-aix-sysmap.vms";
    private Shell shell;
    private RegionModelService models;
    private ComparePart part;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        part = new ComparePart(models);
        part.create(shell);
        shell.setSize(1200, 800);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
        models.sessions().forEach(models::close);
    }

    private void runBoth(KernelChoice left, KernelChoice right) {
        part.controls().selectScenario(part.scenarioNames().indexOf(AIX_LESSON));
        part.controls().choose(left, right);
        part.runBoth();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.sessions().size() == 2, 20_000, "both runs");
    }

    @Test
    void aixLessonDiffersBetweenLinuxAndAix() {
        runBoth(KernelChoice.LINUX, KernelChoice.AIX);
        assertEquals(Personality.LINUX, part.sessions().get(0).personality());
        assertEquals(Personality.AIX, part.sessions().get(1).personality());
        List<StepOutcome> linux = part.left().outcomes().outcomes();
        List<StepOutcome> aix = part.right().outcomes().outcomes();
        assertEquals(Lessons.load(AIX_LESSON).steps().size(), linux.size());
        int mapOver = indexOf(linux, "map arena 4M rw");
        Event onLinux = linux.get(mapOver).lastEvent();
        Event onAix = aix.get(mapOver).lastEvent();
        assertFalse(onLinux.failed(), onLinux.describe());
        assertTrue(onAix.failed(), onAix.describe());
        Set<Integer> differing = part.differing();
        assertTrue(differing.contains(mapOver), differing.toString());
        assertTrue(part.left().outcomes().highlighted(mapOver));
        assertTrue(part.right().outcomes().highlighted(mapOver));
        int protect = indexOf(linux, "protect arena+8M 4M rw");
        assertFalse(differing.contains(protect), "mprotect works on both");
        assertFalse(part.left().outcomes().highlighted(protect));
        assertTrue(part.messageText().startsWith(differing.size() + " steps differ"), part.messageText());
        assertEquals(part.sessions().get(0).space().regions(), part.left().map().layout().regions());
        assertEquals(part.sessions().get(1).space().regions(), part.right().map().layout().regions());
        assertNotEquals(part.left().map().layout().regions(), part.right().map().layout().regions());
        assertTrue(part.left().headerText().contains("Linux"), part.left().headerText());
        UiTestSupport.captureShell(shell, "compare-part.png");
    }

    @Test
    void sameKernelOnBothSidesDiffersNowhere() {
        runBoth(KernelChoice.AIX, KernelChoice.AIX);
        assertTrue(part.differing().isEmpty(), part.differing().toString());
        assertTrue(part.messageText().startsWith("No step differs"), part.messageText());
        for (int i = 0; i < part.left().outcomes().outcomes().size(); i++) {
            assertFalse(part.left().outcomes().highlighted(i));
        }
    }

    @Test
    void runningAgainReplacesTheComparisonsSessions() {
        runBoth(KernelChoice.LINUX, KernelChoice.AIX);
        List<?> first = part.sessions();
        int open = models.sessions().size();
        part.runBoth();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.sessions() != first, 20_000, "the second run");
        assertEquals(open, models.sessions().size());
    }

    private static int indexOf(List<StepOutcome> outcomes, String text) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).step().text().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no step '" + text + "'");
    }
}
