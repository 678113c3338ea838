package org.vmatlas.sources.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;

/** Sizes are bounded before anything runs, runtime mistakes stop the run at their line, long steps can be cancelled. */
class ScenarioBoundsTest {

    private static Session session() {
        return new RegionModelServiceImpl().openSession("bounds", Personality.LINUX.newKernel());
    }

    private static StepOutcome last(String script) {
        Scenario s = ScenarioParser.parse(script, "t.vms");
        assertTrue(s.runnable(), s.problems().toString());
        ScenarioRunner runner = new ScenarioRunner(s, session());
        List<StepOutcome> all = runner.runAll(ProgressMonitor.NONE);
        assertFalse(runner.passed());
        return all.getLast();
    }

    @Test
    void aHugeRepeatIsAParseProblemNamingItsLine() {
        Scenario s = ScenarioParser.parse("reserve 64M as pool\nrepeat 10000000 protect pool 4K none\n", "t.vms");
        assertFalse(s.runnable());
        assertEquals(2, s.problems().getFirst().line());
        assertTrue(s.problems().getFirst().reason().contains("outside 1..100000"), s.problems().toString());
    }

    @Test
    void repeatsThatAddUpBeyondTheBoundAreAParseProblem() {
        StringBuilder script = new StringBuilder("reserve 64M as pool\n");
        for (int i = 0; i < 11; i++) {
            script.append("repeat 10000 protect pool 4K none\n");
        }
        Scenario s = ScenarioParser.parse(script.toString(), "t.vms");
        assertEquals(1, s.problems().size(), s.problems().toString());
        assertEquals(11, s.problems().getFirst().line(), "1 + 10 x 10000 calls passes the bound");
    }

    @Test
    void aCountKnownOnlyAtRunTimeIsBoundedThere() {
        StepOutcome o = last("reserve 64M as pool\nrepeat map_limit*1000 protect pool 4K none\n");
        assertEquals(StepOutcome.Status.ERROR, o.status());
        assertEquals(2, o.step().line());
        assertTrue(o.message().contains("more than"), o.message());
        assertTrue(o.events().isEmpty(), "nothing ran");
    }

    @Test
    void divisionByZeroAndUnboundNamesStopTheRunAtTheirLine() {
        StepOutcome zero = last("reserve 64M as pool\nprotect pool+4K/0 4K none\nprotect pool 4K none\n");
        assertEquals(StepOutcome.Status.ERROR, zero.status());
        assertEquals(2, zero.step().line());
        assertTrue(zero.message().contains("division by zero"), zero.message());
        StepOutcome unbound = last("protect nowhere 4K none\n");
        assertEquals(StepOutcome.Status.ERROR, unbound.status());
        assertTrue(unbound.describe().startsWith("line 1: protect nowhere 4K none -> 'nowhere' is not bound"),
                unbound.describe());
        Scenario constant = ScenarioParser.parse("repeat 4/0 protect 0x10000 4K none\n", "t.vms");
        assertTrue(constant.problems().getFirst().reason().contains("division by zero"), constant.problems().toString());
    }

    @Test
    void aLongRepeatIsCancelledPartWay() {
        Scenario s = ScenarioParser.parse("reserve 64M as pool\nrepeat 5000 protect pool+@i*8K 4K r\nexpect ok\n", "t.vms");
        ScenarioRunner runner = new ScenarioRunner(s, session());
        AtomicInteger asked = new AtomicInteger();
        ProgressMonitor cancelSoon = new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return asked.incrementAndGet() > 3;
            }
        };
        List<StepOutcome> all = runner.runAll(cancelSoon);
        StepOutcome o = all.getLast();
        assertEquals(StepOutcome.Status.ERROR, o.status(), o.describe());
        assertTrue(runner.canceled() && o.message().startsWith("cancelled after"), o.describe());
        assertTrue(o.events().size() < 5000 && !o.events().isEmpty(), o.events().size() + " calls");
        assertFalse(runner.hasNext());
        assertFalse(runner.passed());
    }

    @Test
    void unprintableScriptTextIsEscapedInOutcomes() {
        Scenario s = ScenarioParser.parse("# say: \u001b[2Jcleared\nprotect gone 4K none # \u0007\n", "t.vms");
        ScenarioRunner runner = new ScenarioRunner(s, session());
        for (StepOutcome o : runner.runAll(ProgressMonitor.NONE)) {
            assertTrue(o.describe().chars().noneMatch(c -> c < 0x20), o.describe());
        }
        Scenario bad = ScenarioParser.parse("protect \u001b[2Jgone 4K none\n", "t.vms");
        assertTrue(bad.problems().getFirst().message().chars().noneMatch(c -> c < 0x20));
    }
}
