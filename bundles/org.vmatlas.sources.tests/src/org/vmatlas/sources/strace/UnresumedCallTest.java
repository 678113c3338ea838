package org.vmatlas.sources.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;

/** Calls that never resume, logs with no strace line, answers no kernel gives: each reported with its line. */
class UnresumedCallTest {

    @TempDir
    Path dir;

    @Test
    void aCallLeftUnfinishedBeforeAnotherCallOfThePidIsReported() {
        StraceLog log = StraceParser.parse("""
                [pid 10] mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0 <unfinished ...>
                [pid 11] munmap(0x7f0000000000, 4096) = 0
                [pid 10] mprotect(0x7f0000001000, 4096, PROT_READ <unfinished ...>
                [pid 10] <... mprotect resumed>) = 0
                """, "t.log");
        assertEquals(1, log.problems().size(), log.problems().toString());
        ParseProblem p = log.problems().getFirst();
        assertEquals(1, p.line());
        assertTrue(p.reason().contains("never resumed") && p.reason().contains("line 3"), p.reason());
        assertEquals(2, log.calls().size());
    }

    @Test
    void aCallLeftUnfinishedWhenItsProcessExitsIsReported() {
        StraceLog log = StraceParser.parse("""
                [pid 10] munmap(0x7f0000000000, 4096) = 0
                [pid 11] futex(0x7f00000010, FUTEX_WAIT, 0, NULL <unfinished ...>
                [pid 10] mprotect(0x7f0000001000, 4096, PROT_READ) = 0
                [pid 11] +++ exited with 0 +++
                [pid 12] madvise(0x7f0000000000, 4096, MADV_DONTNEED <unfinished ...>
                """, "t.log");
        List<Long> lines = log.problems().stream().map(ParseProblem::line).toList();
        assertEquals(List.of(2L, 5L), lines, log.problems().toString());
        assertTrue(log.problems().get(0).reason().contains("pid 11 exited on line 4"));
    }

    @Test
    void anEmptyLogSaysSo() throws Exception {
        Path file = Files.write(dir.resolve("trace.log"), new byte[0]);
        StraceLog log = StraceParser.parse(file, ProgressMonitor.NONE);
        assertTrue(log.noStraceLines());
        assertEquals("trace.log:1: no strace lines found (the file is empty): \"\"".replace("trace.log", file.toString()),
                log.problems().getFirst().message());
    }

    @Test
    void aBinaryLogSaysSoAndEchoesNoControlByte() throws Exception {
        byte[] junk = new byte[300_000];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0x1b;
        junk[1] = 0;
        Path file = Files.write(dir.resolve("trace.log"), junk);
        StraceLog log = StraceParser.parse(file, ProgressMonitor.NONE);
        assertTrue(log.noStraceLines());
        assertTrue(log.problems().getFirst().reason().equals("no strace lines found (line 1: binary data)"),
                log.problems().getFirst().message());
        assertTrue(log.problems().size() <= StraceParser.MAX_PROBLEMS + 2, "problems are bounded");
        for (ParseProblem p : log.problems()) {
            assertTrue(p.message().chars().noneMatch(c -> c < 0x20 || c == 0x7f), p.message());
        }
    }

    @Test
    void anEmptyFileOfAnFfSetLeavesTheOthersStanding() throws Exception {
        Path empty = Files.write(dir.resolve("t.log.11"), new byte[0]);
        Path full = Files.writeString(dir.resolve("t.log.10"), "munmap(0x7f0000000000, 4096) = 0\n");
        StraceLog log = StraceParser.parse(List.of(empty, full), ProgressMonitor.NONE);
        assertFalse(log.noStraceLines());
        assertEquals(1, log.calls().size());
        assertTrue(log.problems().getFirst().message().contains("t.log.11:1: no strace lines found (the file is empty)"));
    }

    @Test
    void aLogOfOtherCallsHasStraceLines() {
        StraceLog log = StraceParser.parse("10 futex(0x1, FUTEX_WAKE, 1) = 0\n", "t.log");
        assertFalse(log.noStraceLines());
        assertTrue(log.problems().isEmpty());
    }

    @Test
    void aMappingAnsweredAtTheTopOfTheSpaceIsReportedNotRecorded() {
        StraceLog log = StraceParser.parse("""
                10 mmap(NULL, 65536, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fffffffffffffff
                10 mmap(NULL, 65536, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7fffffffffff0000
                10 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                """, "t.log");
        Session session = new RegionModelServiceImpl().openReplaySession("r", Personality.LINUX);
        ReplayReport report = new StraceReplay(session, Set.of(), "t.log").replay(log.calls(), ProgressMonitor.NONE);
        assertEquals(1, report.recorded());
        assertEquals(List.of(1L, 2L), report.problems().stream().map(ParseProblem::line).toList(),
                report.problems().toString());
        assertEquals(1, session.space().regions().size());
    }
}
