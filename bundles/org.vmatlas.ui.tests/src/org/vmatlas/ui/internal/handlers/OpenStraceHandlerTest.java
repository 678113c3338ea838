package org.vmatlas.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        Session session = loaded.session();
        assertEquals(Personality.LINUX, session.personality());
        assertTrue(models.sessions().contains(session));
        assertTrue(loaded.report().recorded() > 0);
        assertEquals(loaded.report().recorded(), session.timeline().size());
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
        assertEquals(1, loaded.log().problems().size(), loaded.log().problems().toString());
        assertEquals(2, loaded.log().problems().getFirst().line());
        assertEquals(3, loaded.report().recorded());
        assertEquals(3, loaded.session().timeline().size());
        assertEquals(1, loaded.session().space().size(), "one page left, read-only");
        String report = OpenStraceHandler.problemReport(log, loaded);
        assertTrue(report.contains("line 2: "), report);
        assertTrue(report.contains("1 lines could not be read"), report);
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
        assertEquals(25, loaded.log().problems().size());
        assertEquals(Personality.AIX, loaded.session().personality());
        String report = OpenStraceHandler.problemReport(log, loaded);
        assertTrue(report.contains("line 21: "), report);
        assertTrue(!report.contains("line 22: "), report);
        assertTrue(report.contains("and 5 more"), report);
        assertEquals(1, loaded.session().timeline().size());
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

    @Test
    void oneProcessOfAForkingLogReplaysAlone() throws Exception {
        Path log = dir.resolve("two.strace");
        Files.writeString(log, String.join("\n",
                "100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000",
                "200 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000100000",
                "100 mprotect(0x7f0000000000, 4096, PROT_READ) = 0",
                "200 munmap(0x7f0000100000, 4096) = 0", ""));
        var parsed = OpenStraceHandler.parse(log, new NullProgressMonitor());
        assertEquals(java.util.Set.of(100, 200), parsed.pids());
        OpenStraceHandler.Loaded only100 = OpenStraceHandler.replay(models, log, parsed, Personality.LINUX,
                java.util.Set.of(100), new NullProgressMonitor());
        assertEquals(2, only100.session().timeline().size(), "pid 100's two calls only");
        assertEquals(2, only100.session().space().size(), "8 KiB split by the mprotect, nothing of pid 200");
        OpenStraceHandler.Loaded all = OpenStraceHandler.replay(models, log, parsed, Personality.LINUX,
                java.util.Set.of(), new NullProgressMonitor());
        assertEquals(4, all.session().timeline().size());
    }
}
