package org.vmatlas.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.KernelKind;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.SysResult;

/** The built-in demo, played for real in a native sandbox: every call answers what the demo means to show. */
class DemoJobTest {

    private final RegionModelService models = SimulatedSessions.service();

    @AfterEach
    void close() {
        models.sessions().forEach(models::close);
    }

    @Test
    void theDemoShowsEachKindOfOutcome() {
        DemoJob demo = new DemoJob(models, 0);
        IStatus status = demo.run(new NullProgressMonitor());
        assertTrue(status.isOK(), status.toString());
        Session session = models.current();
        assertEquals(KernelKind.NATIVE_SANDBOX, session.kernelKind(), "the native sandbox, on Linux");
        List<Event> events = java.util.stream.IntStream.range(0, session.timeline().size())
                .mapToObj(session.timeline()::event).toList();
        assertEquals(17, events.size(), "one event per demo call");
        for (StepOutcome outcome : demo.outcomes()) {
            assertTrue(outcome.status() != StepOutcome.Status.UNMET && outcome.status() != StepOutcome.Status.ERROR,
                    outcome.describe());
        }
        assertTrue(has(events.get(9), ConflictKind.WX_DUPLICATE), "the jit's RX view of the RW memfd");
        assertTrue(has(events.get(10), ConflictKind.FIXED_REPLACED_LIVE), "MAP_FIXED over the live heap");
        assertTrue(has(events.get(11), ConflictKind.HINT_IGNORED), "a hint into taken pages");
        assertEquals(Errno.EINVAL, events.get(13).result().errnoOrNull(), "munmap of an unaligned address");
        assertTrue(events.get(14).result() instanceof SysResult.Err err && err.refused(), "mprotect outside the sandbox");
        assertTrue(session.space().duplicateGroups().size() >= 1, "the W^X pair stays");
    }

    @Test
    void theDemoIsAShippedLessonThatRunsOnEverySimulatedLinuxToo() {
        Session session = models.open("demo on the simulated Linux",
                new org.vmatlas.model.KernelSpec.Simulated(org.vmatlas.model.sim.Personality.LINUX)).session();
        org.vmatlas.sources.scenario.ScenarioRunner runner = new org.vmatlas.sources.scenario.ScenarioRunner(
                org.vmatlas.sources.scenario.Lessons.load(DemoJob.LESSON), session);
        while (runner.hasNext()) {
            StepOutcome outcome = runner.next();
            assertTrue(outcome.status() != StepOutcome.Status.UNMET && outcome.status() != StepOutcome.Status.ERROR,
                    outcome.describe());
        }
        assertEquals(17, session.timeline().size());
    }

    private static boolean has(Event event, ConflictKind kind) {
        return event.conflicts().stream().anyMatch(c -> c.kind() == kind);
    }
}
