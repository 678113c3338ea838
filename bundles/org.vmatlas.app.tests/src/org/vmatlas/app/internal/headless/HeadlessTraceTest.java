package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;

/** {@code --trace -- CMD} and {@code --trace-pid PID --seconds N}: a real program traced live, written as CSV. */
class HeadlessTraceTest {

    private static RegionModelService models;

    @BeforeAll
    static void service() throws Exception {
        var context = FrameworkUtil.getBundle(HeadlessTraceTest.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker = new ServiceTracker<>(context, RegionModelService.class, null);
        tracker.open();
        models = tracker.waitForService(10_000);
        assertNotNull(models, "the region-model DS service within 10 s");
    }

    static void assumePtrace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace (apt-get install strace)");
        Process probe = new ProcessBuilder("/usr/bin/strace", "-o", "/dev/null", "/bin/true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "strace may not trace here (ptrace not permitted)");
    }

    @Test
    void aLaunchedProgramIsTracedUntilItExits(@TempDir Path dir) throws Exception {
        assumePtrace();
        Path csv = dir.resolve("regions.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Session session = new HeadlessRun(models, new PrintStream(log, true)).run(
                HeadlessOptions.parse("--trace", "--out", csv.toString(), "--", "/bin/true"));
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("'/bin/true' (pid ") && said.contains(") exited with 0"), said);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            rows = parser.getRecords();
        }
        assertEquals(session.space().size() + 1, rows.size(), "one CSV row per region plus the header");
        assertTrue(rows.stream().anyMatch(r -> String.join(",", r.values()).contains("libc.so.6")),
                "the C library the loader mapped is among the regions: " + rows);
    }

    @Test
    void aMultiProcessLogNoLongerMergesItsProcesses(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("fork.log");
        Files.writeString(log, """
                100 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 101
                101 munmap(0x7f0000000000, 8192) = 0
                101 mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1000000000
                """);
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Session session = new HeadlessRun(models, new PrintStream(said, true)).run(
                HeadlessOptions.parse("--strace", log.toString(), "--out", dir.resolve("r.csv").toString()));
        assertEquals(1, session.space().size(), "the first process keeps its mapping, without its child's: "
                + session.space().regions());
        assertEquals(0x7f0000000000L, session.space().region(0).start());
        String text = said.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("process 101 (child of 100)"), text);
    }

    @Test
    void anAttachedProcessRunsOnAfterTheSeconds(@TempDir Path dir) throws Exception {
        assumePtrace();
        Process sleeper = new ProcessBuilder("/bin/sleep", "60").start();
        try {
            Path csv = dir.resolve("regions.csv");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Session session = new HeadlessRun(models, new PrintStream(log, true)).run(HeadlessOptions.parse(
                    "--trace-pid", Long.toString(sleeper.pid()), "--seconds", "1", "--out", csv.toString()));
            String said = log.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("detached from process " + sleeper.pid() + "; it runs on"), said);
            assertTrue(sleeper.isAlive(), "detaching leaves the process running");
            assertTrue(session.space().regions().stream().anyMatch(r -> r.backing().name().endsWith("sleep")),
                    "its mappings at attach are the starting point: " + session.space().regions());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void tracingInitIsRefusedInOneLineWithoutAnyOutput(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("regions.csv");
        HeadlessFailure failure = org.junit.jupiter.api.Assertions.assertThrows(HeadlessFailure.class,
                () -> new HeadlessRun(models, new PrintStream(new ByteArrayOutputStream(), true)).run(
                        HeadlessOptions.parse("--trace-pid", "1", "--seconds", "1", "--out", csv.toString())));
        assertTrue(failure.getMessage().startsWith("process 1 ("), failure.getMessage());
        assertTrue(failure.getMessage().contains("is init"), failure.getMessage());
        assertTrue(!Files.exists(csv), "no output for a refused trace");
    }
}
