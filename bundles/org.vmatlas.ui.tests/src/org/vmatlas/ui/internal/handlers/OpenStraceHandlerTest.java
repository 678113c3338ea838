package org.vmatlas.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.strace.TracedProcess;

class OpenStraceHandlerTest {

    private static final Pattern MMAP_OK = Pattern.compile("^\\d+ +mmap\\(.*\\) = (0x[0-9a-f]+)$");
    private final RegionModelService models = SimulatedSessions.service();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        models.sessions().forEach(models::close);
    }

    private Path traceTrue() throws Exception {
        Path log = dir.resolve("true.strace");
        Process strace;
        try {
            strace = new ProcessBuilder("strace", "-f", "-e", "trace=memory", "-o", log.toString(), "/bin/true")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("strace is not installed: " + e.getMessage());
            return null;
        }
        boolean ended = strace.waitFor(20, TimeUnit.SECONDS);
        Assumptions.assumeTrue(ended && strace.exitValue() == 0 && Files.size(log) > 0,
                "strace could not trace here (ptrace not permitted?)");
        return log;
    }

    @Test
    void realStraceLogLoadsIntoAReplaySession() throws Exception {
        Path log = traceTrue();
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor());
        assertNotNull(loaded);
        assertTrue(loaded.log().problems().isEmpty(), loaded.log().problems().toString());
        Session session = loaded.first();
        assertEquals(Personality.LINUX, session.personality());
        assertTrue(models.sessions().contains(session));
        assertTrue(loaded.events() > 0);
        assertTrue(session.name().startsWith("pid "), session.name());
        assertTrue(session.name().contains("(" + log.getFileName() + ", Linux)"), session.name());
        // the first mmap that succeeded in the log is an event with the address the traced kernel returned
        List<String> lines = Files.readAllLines(log);
        int lineNo = 0;
        long address = 0;
        for (int i = 0; i < lines.size() && lineNo == 0; i++) {
            Matcher m = MMAP_OK.matcher(lines.get(i));
            if (m.matches()) {
                lineNo = i + 1;
                address = Long.decode(m.group(1));
            }
        }
        assertTrue(lineNo > 0, "a successful mmap in " + lines);
        Event event = eventFromLine(session, "strace:" + log.getFileName() + ":" + lineNo);
        assertEquals(address, event.result().value());
        long mapped = address;
        assertTrue(event.added().stream().anyMatch(r -> r.contains(mapped)), event.describe());
    }

    @Test
    void malformedLineIsReportedAndTheRestLoads() throws Exception {
        Path log = dir.resolve("broken.strace");
        Files.writeString(log, """
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE
                100 mprotect(0x7f0000000000, 4096, PROT_READ) = 0
                100 munmap(0x7f0000001000, 4096) = 0
                """);
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor());
        assertEquals(1, loaded.problems().size(), loaded.problems().toString());
        assertEquals(2, loaded.problems().getFirst().line());
        assertEquals(3, loaded.events());
        assertEquals(3, loaded.first().timeline().size());
        assertEquals(1, loaded.first().space().size(), "one page left, read-only");
        String report = OpenStraceHandler.problemReport(loaded);
        assertTrue(report.contains("line 2: "), report);
        assertTrue(report.contains("broken.strace: 1 lines could not be read"), report);
    }

    @Test
    void reportNamesTheFirstTwentyProblemsAndCountsTheRest() throws Exception {
        StringBuilder text = new StringBuilder("7 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000\n");
        for (int i = 0; i < 25; i++) {
            text.append("7 mprotect(0x7f00000").append(i).append('\n');
        }
        Path log = dir.resolve("many.strace");
        Files.writeString(log, text);
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.AIX, new NullProgressMonitor());
        assertEquals(25, loaded.problems().size());
        assertEquals(Personality.AIX, loaded.first().personality());
        String report = OpenStraceHandler.problemReport(loaded);
        assertTrue(report.contains("line 21: "), report);
        assertTrue(!report.contains("line 22: "), report);
        assertTrue(report.contains("and 5 more"), report);
        assertEquals(1, loaded.first().timeline().size());
    }

    @Test
    void missingFileIsNamedAndOpensNothing() {
        Path missing = dir.resolve("nowhere.strace");
        int before = models.sessions().size();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenStraceHandler.load(models, missing, Personality.LINUX, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertEquals(before, models.sessions().size());
    }

    private static Event eventFromLine(Session session, String source) {
        for (int i = 0; i < session.timeline().size(); i++) {
            if (source.equals(session.timeline().event(i).source())) {
                return session.timeline().event(i);
            }
        }
        throw new AssertionError("no event from " + source);
    }

    private Path write(String name, String text) throws Exception {
        Path log = dir.resolve(name);
        Files.writeString(log, text);
        return log;
    }

    private static TracedProcess process(OpenStraceHandler.Loaded loaded, int pid) {
        return loaded.spaces().processes().stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + pid + " in " + loaded.spaces().processes()));
    }

    @Test
    void aForkingLogReplaysEachAddressSpaceIntoASessionNamedByPidAndProgram() throws Exception {
        Path log = write("sh.log", """
                100 execve("/bin/sh", ["sh", "-c", "ls"], 0x7ffd /* 3 vars */) = 0
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 101
                101 munmap(0x7f0000000000, 8192) = 0
                101 execve("/bin/ls", ["ls", "/"], 0x7ffd /* 3 vars */) = 0
                101 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1000000000
                101 +++ exited with 0 +++
                100 mprotect(0x7f0000000000, 4096, PROT_READ) = 0
                """);
        Session before = models.openSession("already here", Personality.LINUX.newKernel());
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor());
        assertTrue(models.sessions().contains(before), "a session open before the load stays");
        assertEquals(2, loaded.spaces().processes().size(), loaded.spaces().processes().toString());
        TracedProcess sh = process(loaded, 100);
        TracedProcess ls = process(loaded, 101);
        assertEquals(100, ls.parent());
        assertSame(sh.session(), loaded.first(), "the traced program is shown first");
        assertNotSame(sh.session(), ls.session());
        assertEquals("pid 100 sh -c ls (sh.log, Linux)", sh.session().name());
        assertEquals("pid 101 ls / (sh.log, Linux)", ls.session().name());
        assertNotNull(sh.session().space().regionAt(0x7f0000000000L), "the child's munmap is not the parent's");
        assertEquals(2, sh.session().space().size(), "the parent's mprotect split its own mapping");
        assertNull(ls.session().space().regionAt(0x7f0000000000L), "execve started the child afresh");
        assertNotNull(ls.session().space().regionAt(0x7f1000000000L));
        assertEquals(3, loaded.sessions().size(), "sh, the fork's copy of sh before its execve, and ls");
        assertTrue(loaded.sessions().stream().allMatch(models.sessions()::contains));
    }

    @Test
    void aMemoryOnlyLogIsSplitWhereAPidStartsWithBrkNull() throws Exception {
        Path log = write("memory.log", """
                200 brk(NULL) = 0x555555559000
                200 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f2000000000
                201 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f2000100000
                202 brk(NULL) = 0x555555600000
                202 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f3000000000
                """);
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor());
        assertEquals(List.of(200, 202), loaded.spaces().processes().stream().map(TracedProcess::pid).toList(),
                "201 is a thread of 200; 202 started a program of its own");
        Session first = process(loaded, 200).session();
        Session second = process(loaded, 202).session();
        assertNotNull(first.space().regionAt(0x7f2000100000L), "the thread's mapping is its process's");
        assertNull(first.space().regionAt(0x7f3000000000L));
        assertNotNull(second.space().regionAt(0x7f3000000000L));
        assertNull(second.space().regionAt(0x7f2000000000L));
    }

    @Test
    void aLogWithoutStraceLinesOpensNothingAndNamesFileAndLine() throws Exception {
        Path log = write("notes.txt", "shopping list\nmilk\n");
        int before = models.sessions().size();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor()));
        assertTrue(e.getMessage().startsWith("Cannot load " + log + ": no strace lines found (line 1"), e.getMessage());
        assertEquals(e.getMessage().indexOf("no strace lines"), e.getMessage().lastIndexOf("no strace lines"),
                "said once: " + e.getMessage());
        assertEquals(before, models.sessions().size(), "no empty session is left behind");
        Path empty = write("empty.log", "");
        IllegalStateException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenStraceHandler.load(models, empty, Personality.LINUX, new NullProgressMonitor()));
        assertTrue(none.getMessage().contains("empty.log: the file is empty"), none.getMessage());
        Path truncated = write("truncated.log", "100 mmap(NULL, 8192, PROT_READ\n");
        IllegalStateException cut = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenStraceHandler.load(models, truncated, Personality.LINUX, new NullProgressMonitor()));
        assertTrue(cut.getMessage().contains("truncated.log: no strace lines found (line 1: no ' = result' (truncated line))"),
                cut.getMessage());
        Path other = write("read.log", "100 read(3, \"x\", 1) = 1\n100 write(1, \"x\", 1) = 1\n");
        IllegalStateException reads = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> OpenStraceHandler.load(models, other, Personality.LINUX, new NullProgressMonitor()));
        assertTrue(reads.getMessage().contains("read.log: "), reads.getMessage());
        assertTrue(reads.getMessage().contains("memory call"), reads.getMessage());
        assertEquals(before, models.sessions().size());
    }

    @Test
    void aCancelledReplayClosesWhatItOpenedAndNothingElse() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int pid = 300; pid < 340; pid++) {
            text.append(pid).append(" brk(NULL) = 0x555555559000\n");
            for (int i = 0; i < 200; i++) {
                text.append(pid).append(" mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f")
                        .append(String.format("%04x", pid)).append(String.format("%03x", i)).append("000\n");
            }
        }
        Path log = write("long.log", text.toString());
        Session kept = models.openSession("kept", Personality.LINUX.newKernel());
        var parsed = OpenStraceHandler.parse(log, new NullProgressMonitor());
        NullProgressMonitor cancelLater = new NullProgressMonitor() {
            private int asked;

            @Override
            public boolean isCanceled() {
                return ++asked > 3000 || super.isCanceled();
            }
        };
        assertNull(OpenStraceHandler.replay(models, log, parsed, Personality.LINUX, cancelLater));
        assertEquals(List.of(kept), models.sessions(), "the sessions the cancelled replay opened are closed again");
    }

    @Test
    void aRealShellLogSplitsIntoItsPrograms() throws Exception {
        Path log = dir.resolve("sh.log");
        Process strace;
        try {
            strace = new ProcessBuilder("strace", "-f", "-ttt", "-y", "-o", log.toString(), "sh", "-c",
                    "ls / >/dev/null; cat /dev/null").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("strace is not installed: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(strace.waitFor(20, TimeUnit.SECONDS) && strace.exitValue() == 0,
                "strace could not trace here (ptrace not permitted?)");
        OpenStraceHandler.Loaded loaded = OpenStraceHandler.load(models, log, Personality.LINUX, new NullProgressMonitor());
        List<TracedProcess> processes = loaded.spaces().processes();
        assertTrue(processes.getFirst().command().startsWith("sh -c"), processes.toString());
        for (String program : List.of("ls /", "cat /dev/null")) {
            TracedProcess p = processes.stream().filter(q -> q.command().equals(program)).findFirst()
                    .orElseThrow(() -> new AssertionError(program + " in " + processes));
            assertEquals(processes.getFirst().pid(), p.parent(), program + " is a child of the shell");
            assertTrue(p.session().timeline().size() > 0, program + " has events");
            assertNotSame(processes.getFirst().session(), p.session());
            assertTrue(p.session().name().startsWith("pid " + p.pid() + " " + program), p.session().name());
        }
    }
}
