package org.vmatlas.sources.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.ParseProblem;

class ScenarioParserTest {

    @Test
    void readsTitlePersonalitiesStepsAndSkipsComments() {
        Scenario s = ScenarioParser.parse("""
                lesson A small lesson
                for linux aix
                # a comment, not a step
                # say: watch this
                reserve 64M as heap   # trailing comment
                map heap+0 4M rw
                protect heap+4M 64K none
                advise heap 1M dontneed
                go sysMap heap+8M 4M
                expect EEXIST on aix

                """, "small.vms");
        assertTrue(s.runnable(), s.problems().toString());
        assertEquals("A small lesson", s.title());
        assertEquals(List.of("linux", "aix"), s.personalities());
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10), s.steps().stream().map(ScenarioStep::line).toList());
        assertEquals("reserve 64M as heap   # trailing comment", s.steps().get(1).text());
    }

    @Test
    void everyBadLineIsReportedWithItsNumberAndReason() {
        Scenario s = ScenarioParser.parse("""
                reserve 64M
                map heap+0 4Q rw
                protect heap 4K rwz
                frobnicate heap
                expect maybe
                advise heap 4K sideways
                dup jit jitx
                mmap 4K rw on solaris
                unmap heap 4K extra
                map heap+ 4K rw
                """, "bad.vms");
        assertFalse(s.runnable());
        List<ParseProblem> p = s.problems();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), p.stream().map(ParseProblem::line).toList());
        assertEquals("reserve needs 'as NAME' so later lines can use the range", p.get(0).reason());
        assertTrue(p.get(1).reason().contains("'4Q' is not a number"), p.get(1).reason());
        assertTrue(p.get(2).reason().contains("not a protection"), p.get(2).reason());
        assertTrue(p.get(3).reason().startsWith("unknown command 'frobnicate'"), p.get(3).reason());
        assertTrue(p.get(4).reason().startsWith("expect what? 'maybe'"), p.get(4).reason());
        assertTrue(p.get(5).reason().startsWith("unknown advice 'sideways'"), p.get(5).reason());
        assertTrue(p.get(6).reason().contains("expected 'as', found 'jitx'"), p.get(6).reason());
        assertTrue(p.get(7).reason().contains("unknown personality 'solaris'"), p.get(7).reason());
        assertTrue(p.get(8).reason().contains("unexpected 'extra'"), p.get(8).reason());
        assertTrue(p.get(9).reason().contains("missing number or name"), p.get(9).reason());
        assertTrue(p.get(0).message().startsWith("bad.vms:1: "), p.get(0).message());
    }

    @Test
    void aScenarioWithProblemsIsNotRun() {
        Scenario s = ScenarioParser.parse("unmap x\n", "x.vms");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScenarioRunner(s, null));
        assertTrue(e.getMessage().contains("x.vms:1: unmap: missing size"), e.getMessage());
    }

    @Test
    void everyShippedLessonParses() {
        List<String> names = Lessons.names();
        assertEquals(8, names.size(), "the demo and seven lessons");
        for (Scenario lesson : Lessons.all()) {
            assertTrue(lesson.runnable(), lesson.name() + ": " + lesson.problems());
            assertFalse(lesson.personalities().isEmpty(), lesson.name() + " names its personalities");
            assertFalse(lesson.title().equals(lesson.name()), lesson.name() + " has a title");
        }
        assertThrows(IllegalArgumentException.class, () -> Lessons.load("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Lessons.load("missing.vms"));
    }
}
