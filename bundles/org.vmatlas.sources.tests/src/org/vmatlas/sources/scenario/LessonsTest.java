package org.vmatlas.sources.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.syscall.Prot;

/** Each shipped lesson runs on the personalities it is written for, with the outcomes it teaches. */
class LessonsTest {

    private final RegionModelService service = new RegionModelServiceImpl();

    private ScenarioRunner run(String lesson, Personality personality) {
        Session session = service.openSession(lesson + " on " + personality, personality.newKernel());
        ScenarioRunner runner = new ScenarioRunner(Lessons.load(lesson), session);
        runner.runAll(ProgressMonitor.NONE);
        return runner;
    }

    private static StepOutcome at(ScenarioRunner runner, String text) {
        return runner.outcomes().stream().filter(o -> o.step().text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no step '" + text + "'"));
    }

    private void assertPasses(String lesson, Personality p) {
        ScenarioRunner runner = run(lesson, p);
        assertTrue(runner.passed(), lesson + " on " + p + ": " + runner.outcomes().stream()
                .filter(o -> o.status() == StepOutcome.Status.UNMET || o.status() == StepOutcome.Status.ERROR)
                .map(StepOutcome::describe).toList());
        assertFalse(runner.hasNext());
    }

    @Test
    void everyLessonPassesOnEachOfItsPersonalities() {
        for (Scenario lesson : Lessons.all()) {
            if (lesson.name().equals("map-count-limit.vms")) {
                continue; // its own test: it needs the machine's real limit
            }
            for (String p : lesson.personalities()) {
                assertPasses(lesson.name(), Personality.valueOf(p.toUpperCase(Locale.ROOT)));
            }
        }
    }

    @Test
    void aixRefusesLinuxSysMapButAcceptsMprotect() {
        ScenarioRunner aix = run("go-aix-sysmap.vms", Personality.AIX);
        ScenarioRunner linux = run("go-aix-sysmap.vms", Personality.LINUX);
        Event onAix = at(aix, "map arena 4M rw").lastEvent();
        Event onLinux = at(linux, "map arena 4M rw").lastEvent();
        assertTrue(onAix.failed(), onAix.describe());
        assertTrue(onAix.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.MAP_OVER_MAPPED));
        assertFalse(onLinux.failed(), onLinux.describe());
        assertFalse(at(aix, "protect arena+8M 4M rw").lastEvent().failed());
        assertFalse(at(aix, "go sysMap arena+12M 4M").lastEvent().failed());
        assertEquals(StepOutcome.Status.SKIPPED, at(linux, "expect error on aix").status());
        assertEquals(StepOutcome.Status.MET, at(aix, "expect error on aix").status());
    }

    @Test
    void theJitLessonMakesAWxDuplicateOnBothSystems() {
        for (Personality p : List.of(Personality.NETBSD, Personality.LINUX)) {
            ScenarioRunner runner = run("netbsd-wx-jit.vms", p);
            Event dup = at(runner, "dup jit as jitx").lastEvent();
            assertTrue(dup.result().isOk(), p + ": " + dup.describe());
            assertNotNull(dup.added());
            Event rx = at(runner, "protect jitx 4K rx").lastEvent();
            assertTrue(rx.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.WX_DUPLICATE), rx.describe());
            assertTrue(rx.added().stream().anyMatch(r -> r.prot() == Prot.RX));
        }
        assertEquals(StepOutcome.Status.SKIPPED, at(run("netbsd-wx-jit.vms", Personality.LINUX),
                "mmap 4K none max rwx as jit on netbsd").status());
    }

    @Test
    void narrationIsReportedInOrder() {
        ScenarioRunner runner = run("go-heap-growth.vms", Personality.LINUX);
        List<String> said = runner.outcomes().stream().filter(o -> o.status() == StepOutcome.Status.SAID)
                .map(StepOutcome::message).toList();
        assertTrue(said.getFirst().startsWith("The Go runtime first reserves"), said.getFirst());
        assertEquals(7, said.size());
    }

    @Test
    void steppingRunsOneLineAtATimeAndCancelStops() {
        Session session = service.openSession("steps", Personality.LINUX.newKernel());
        ScenarioRunner runner = new ScenarioRunner(Lessons.load("guard-pages.vms"), session);
        StepOutcome first = runner.next();
        assertEquals(StepOutcome.Status.SAID, first.status());
        StepOutcome second = runner.next();
        assertEquals(StepOutcome.Status.DONE, second.status());
        assertEquals(1, session.timeline().size());
        AtomicLong worked = new AtomicLong();
        List<StepOutcome> all = runner.runAll(new ProgressMonitor() {
            @Override
            public void worked(long done) {
                worked.set(done);
            }

            @Override
            public boolean isCanceled() {
                return worked.get() >= 4;
            }
        });
        assertEquals(4, all.size());
        assertTrue(runner.hasNext());
    }

    @Test
    void anUnboundNameStopsTheRunNamingTheLine() {
        Session session = service.openSession("unbound", Personality.AIX.newKernel());
        Scenario s = ScenarioParser.parse("mmap 4K rw shared as a\ndup a as b\nprotect b 4K rx\nunmap a 4K\n", "u.vms");
        ScenarioRunner runner = new ScenarioRunner(s, session);
        List<StepOutcome> all = runner.runAll(ProgressMonitor.NONE);
        assertEquals(3, all.size());
        assertTrue(all.get(1).lastEvent().failed(), "AIX has no mremap");
        assertEquals(StepOutcome.Status.ERROR, all.get(2).status());
        assertTrue(all.get(2).describe().startsWith("line 3: protect b 4K rx -> 'b' is not bound: its call failed"),
                all.get(2).describe());
        assertFalse(runner.passed());
    }

    @Test
    void fragmentationReachesTheMapCountWarning() throws IOException {
        int real;
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/vm/max_map_count"))) {
            real = Integer.parseInt(new String(in.readAllBytes()).strip());
        }
        Session probe = service.openSession("limit", Personality.LINUX.newKernel());
        assumeTrue(probe.mapCountLimit() == real, "the model reads vm.max_map_count as " + probe.mapCountLimit()
                + ", the kernel says " + real + " (Files.readString of a /proc/sys file reads one byte here)");
        ScenarioRunner runner = run("map-count-limit.vms", Personality.LINUX);
        assertTrue(runner.passed(), runner.outcomes().stream().filter(o -> o.status() == StepOutcome.Status.UNMET)
                .map(StepOutcome::describe).toList().toString());
    }
}
