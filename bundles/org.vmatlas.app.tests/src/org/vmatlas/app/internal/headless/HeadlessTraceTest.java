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
}
