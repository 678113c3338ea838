package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;

/**
 * Every bad input of {@code vmatlas --headless}, in-process: its exit status, the exact sentence on
 * stderr, nothing else there (no stack trace), and no file written, not even a temporary one.
 */
class HeadlessBadInputTest {

    @TempDir
    static Path dir;

    private static RegionModelService models;
    private static long vanished;

    @BeforeAll
    static void fixtures() throws Exception {
        var context = FrameworkUtil.getBundle(HeadlessBadInputTest.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker = new ServiceTracker<>(context, RegionModelService.class, null);
        tracker.open();
        models = tracker.waitForService(10_000);
        assertNotNull(models, "the region-model DS service within 10 s");
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("taken.png"));
        Files.write(dir.resolve("empty.log"), new byte[0]);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[3] = 0;
        Files.write(dir.resolve("binary.log"), noise);
        Files.writeString(dir.resolve("notes.txt"), "shopping list\nmilk\n");
        Files.writeString(dir.resolve("div0.vms"), "mmap 1M rw as data\nprotect data 4K/0 r\n");
        Files.writeString(dir.resolve("unbound.vms"), "protect nothing 4K r\n");
        Files.writeString(dir.resolve("huge-repeat.vms"), "mmap 1M rw as pool\nrepeat 10000000 protect pool 4K r\n");
        Files.writeString(dir.resolve("many-repeats.vms"), "mmap 1M rw as pool\n"
                + "repeat 60000 protect pool 4K r\nrepeat 60000 protect pool 4K rw\n");
        Files.writeString(dir.resolve("counted-repeat.vms"), "mmap 1M rw as pool\nrepeat map_limit*2 protect pool 4K r\n");
        Files.writeString(dir.resolve("mistake.vms"), "mmap 1M rw as data\nfrobnicate data\nprotect data 4K q\n");
        Files.writeString(dir.resolve("escape.vms"), "mmap 1M rw as \u001b[2Jdata\n");
        Files.write(dir.resolve("binary.vms"), new byte[] { 'm', 'm', 'a', 'p', '\n', (byte) 0xff, (byte) 0xfe, '\n' });
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        vanished = gone.pid();
    }

    private record Case(String sentence, int exit, String... args) {
    }

    private static Case bad(String sentence, String... args) {
        return new Case(sentence, 1, args);
    }

    private static String in(String name) {
        return dir.resolve(name).toString();
    }

    private static List<Case> table() {
        String out = in("map.png");
        String csv = in("regions.csv");
        List<Case> cases = new ArrayList<>();
        // The command line itself.
        cases.add(bad("unknown option '--frob' (vmatlas --headless --help lists the options)", "--frob"));
        cases.add(bad("unknown option '--fr\\x1b[31mob' (vmatlas --headless --help lists the options)", "--fr\u001b[31mob"));
        cases.add(bad("unexpected argument 'map.png' (vmatlas --headless --help lists the options)", "--scenario", "hint-conflict", "map.png"));
        cases.add(bad("--out needs a value", "--scenario", "hint-conflict", "--out"));
        cases.add(bad("--out needs a value", "--scenario", "hint-conflict", "--out", "--width", "300"));
        cases.add(bad("--scenario needs a value", "--scenario", "", "--out", out));
        cases.add(bad("--strace needs a value", "--strace", " ", "--out", out));
        cases.add(bad("no source: give --scenario, --strace, --pid, --trace or --trace-pid (or --list, --help)", "--out", out));
        cases.add(bad("--trace needs a program: vmatlas --headless --trace --out FILE -- CMD [ARG]...", "--trace", "--out", out));
        cases.add(bad("give one source, not both --pid and --trace", "--pid", "1", "--trace", "--out", out, "--", "ls"));
        cases.add(bad("--trace-pid must be a process id, got x", "--trace-pid", "x", "--out", out));
        cases.add(bad("give one source, not both --scenario and --strace", "--scenario", "x", "--strace", "y", "--out", out));
        cases.add(bad("no output: give --out FILE (png, svg, csv, json) or --events FILE (csv, json)", "--scenario", "hint-conflict"));
        cases.add(bad("--personality must be linux, aix, netbsd or native, got 'solaris'", "--scenario", "hint-conflict", "--personality", "solaris", "--out", out));
        cases.add(bad("--pid must be a process id, got 1.7", "--pid", "1.7", "--out", csv));
        cases.add(bad("--pid must be a process id, got abc", "--pid", "abc", "--out", csv));
        cases.add(bad("--pid must be a process id, got 0", "--pid", "0", "--out", csv));
        cases.add(bad("--pid must be a process id, got -5", "--pid", "-5", "--out", csv));
        cases.add(bad("--pid must be a process id, got 99999999999", "--pid", "99999999999", "--out", csv));
        cases.add(bad("--seconds must be a number of seconds from 0 to 86400, got -1", "--pid", "1", "--seconds", "-1", "--out", csv));
        cases.add(bad("--seconds must be a number of seconds from 0 to 86400, got NaN", "--pid", "1", "--seconds", "NaN", "--out", csv));
        cases.add(bad("--seconds applies to --pid and --trace-pid only", "--scenario", "hint-conflict", "--seconds", "2", "--out", csv));
        cases.add(bad("--width must be a whole number of pixels from 200 to 16384, got 100000", "--scenario", "hint-conflict", "--width", "100000", "--out", out));
        cases.add(bad("--width must be a whole number of pixels from 200 to 16384, got 0", "--scenario", "hint-conflict", "--width", "0", "--out", out));
        cases.add(bad("--width must be a whole number of pixels from 200 to 16384, got -5", "--scenario", "hint-conflict", "--width", "-5", "--out", out));
        cases.add(bad("--height must be a whole number of pixels from 100 to 16384, got 100000", "--scenario", "hint-conflict", "--height", "100000", "--out", out));
        cases.add(bad("--height must be a whole number of pixels from 100 to 16384, got 1e3", "--scenario", "hint-conflict", "--height", "1e3", "--out", out));
        cases.add(bad("--width 16000 and --height 16000 make 256000000 pixels, more than the 40000000 a map may have",
                "--scenario", "hint-conflict", "--width", "16000", "--height", "16000", "--out", out));
        cases.add(bad("--width is given twice", "--scenario", "hint-conflict", "--width", "300", "--width", "400", "--out", out));
        // Outputs.
        cases.add(bad("cannot write '/': the name given to --out must end in .png, .svg, .csv or .json", "--scenario", "hint-conflict", "--out", "/"));
        cases.add(bad("cannot write 'map.bmp': the name given to --out must end in .png, .svg, .csv or .json", "--scenario", "hint-conflict", "--out", "map.bmp"));
        cases.add(bad("cannot write 'events.png': the name given to --events must end in .csv or .json", "--scenario", "hint-conflict", "--events", "events.png"));
        cases.add(bad("'" + out + "' is given twice as an output", "--scenario", "hint-conflict", "--out", out, "--out", out));
        cases.add(bad("cannot write " + in("missing/map.png") + ": there is no directory " + in("missing"), "--scenario", "hint-conflict", "--out", in("missing/map.png")));
        cases.add(bad("cannot write " + in("notes.txt/map.png") + ": " + in("notes.txt") + " is not a directory", "--scenario", "hint-conflict", "--out", in("notes.txt/map.png")));
        cases.add(bad("cannot write " + in("taken.png") + ": it is a directory", "--scenario", "hint-conflict", "--out", in("taken.png")));
        // strace logs.
        cases.add(bad("cannot read " + in("trace.log") + ": no such file", "--strace", in("trace.log"), "--out", csv));
        cases.add(bad("cannot read " + in("tr\\x1b[31mace.log") + ": no such file", "--strace", in("tr\u001b[31mace.log"), "--out", csv));
        cases.add(bad("cannot read " + in("logs") + ": it is a directory", "--strace", in("logs"), "--out", csv));
        cases.add(bad(in("empty.log") + ": no strace lines found (the file is empty)", "--strace", in("empty.log"), "--out", csv));
        cases.add(bad(in("binary.log") + ": no strace lines found (line 1: binary data)", "--strace", in("binary.log"), "--out", csv));
        cases.add(bad(in("notes.txt") + ": no strace lines found (line 1: not a call: no 'name(' at the start)", "--strace", in("notes.txt"), "--out", csv));
        // Scenarios.
        cases.add(bad("no lesson or scenario file 'no-such-lesson' (vmatlas --headless --list shows the lessons)", "--scenario", "no-such-lesson", "--out", csv));
        cases.add(bad("cannot read " + in("absent.vms") + ": no such file", "--scenario", in("absent.vms"), "--out", csv));
        cases.add(bad("cannot read " + in("logs") + ": it is a directory", "--scenario", in("logs"), "--out", csv));
        cases.add(bad(in("binary.vms") + " is not a scenario script (line 2: binary data)", "--scenario", in("binary.vms"), "--out", csv));
        cases.add(bad(in("div0.vms") + " line 2: division by zero in '4K/0'", "--scenario", in("div0.vms"), "--out", csv));
        cases.add(bad(in("unbound.vms") + " line 1: 'nothing' is not bound (no earlier line says 'as nothing')", "--scenario", in("unbound.vms"), "--out", csv));
        cases.add(bad(in("huge-repeat.vms") + " line 2: repeat count 10000000 is outside 1..100000",
                "--scenario", in("huge-repeat.vms"), "--out", csv));
        cases.add(bad(in("many-repeats.vms") + " line 3: the script makes more than 100000 calls (this line brings it to 120001)",
                "--scenario", in("many-repeats.vms"), "--out", csv));
        cases.add(bad(in("counted-repeat.vms") + " line 2: repeat count " + 2 * mapLimit() + " would bring the run to "
                + (2 * mapLimit() + 1) + " calls, more than the " + Math.max(100_000, 2 * mapLimit()) + " a run may make",
                "--scenario", in("counted-repeat.vms"), "--out", csv));
        cases.add(bad(in("mistake.vms") + " line 2: unknown command 'frobnicate' (use mmap, map, reserve, unmap, protect, advise, remap, dup, memfd, go, fork, expect, repeat) (and 1 more mistake)", "--scenario", in("mistake.vms"), "--out", csv));
        cases.add(bad(in("escape.vms") + " line 1: '\\x1b[2Jdata' is not a name (letters, digits, '_' and '.')", "--scenario", in("escape.vms"), "--out", csv));
        // Processes.
        cases.add(bad("there is no process " + vanished + " (it has exited, or never ran)", "--pid", Long.toString(vanished), "--out", csv));
        cases.add(bad("there is no process " + vanished + " (it has exited, or never ran)", "--pid", Long.toString(vanished), "--seconds", "1", "--out", csv));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneSentenceAndLeavesNoFile() {
        return table().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.args()).replace(dir.toString(), "DIR"), () -> {
            List<Path> before = files();
            Run run = run(() -> false, c.args());
            System.out.println("[headless bad input] exit " + run.exit + ": " + run.err.strip().replace(dir.toString(), "DIR"));
            assertEquals(c.exit(), run.exit, run.err);
            String expected = "vmatlas: " + c.sentence();
            assertEquals(expected, run.err.strip());
            assertClean(run);
            assertEquals(before, files(), "no file written");
        }));
    }

    @Test
    void aLongStepIsCancelledAndWritesNothing() throws IOException {
        Files.writeString(dir.resolve("long.vms"), "mmap 1M rw as pool\nrepeat 90000 protect pool 4K r\n");
        AtomicInteger asked = new AtomicInteger();
        // the runner asks every 256 repetitions: 50 asks are about 13,000 of the step's 90,000 calls
        BooleanSupplier cancelAfterAWhile = () -> asked.incrementAndGet() > 50;
        List<Path> before = files();
        Run run = run(cancelAfterAWhile, "--scenario", in("long.vms"), "--out", in("map.png"), "--out", in("regions.csv"));
        assertEquals(1, run.exit, run.err);
        assertEquals("vmatlas: cancelled at " + in("long.vms") + " line 2", run.err.strip());
        assertEquals(before, files());
        assertTrue(asked.get() < 90_000 / 256, "cancelled within the step, not after it: asked " + asked.get() + " times");
    }

    @Test
    void anInternalErrorIsOneSentenceWithExitStatus2() {
        Run run = new HeadlessBadInputTest().runWith(() -> {
            throw new IllegalStateException("boom");
        }, () -> false, "--scenario", "hint-conflict", "--out", in("regions.csv"));
        assertEquals(2, run.exit, run.err);
        assertTrue(run.err.startsWith("vmatlas: internal error (IllegalStateException)"), run.err);
        assertClean(run);
        Run missing = new HeadlessBadInputTest().runWith(() -> null, () -> false, "--scenario", "hint-conflict", "--out", in("regions.csv"));
        assertEquals(2, missing.exit, missing.err);
        assertTrue(missing.err.startsWith("vmatlas: the region-model service did not start"), missing.err);
    }

    @Test
    void helpAndListExit0() {
        Run help = run(() -> false, "--headless", "--help");
        assertEquals(0, help.exit, help.err);
        assertTrue(help.out.contains("--scenario") && help.out.contains("Exit status"), help.out);
        assertEquals("", help.err);
        Run list = run(() -> false, "--headless", "--list");
        assertEquals(0, list.exit, list.err);
        assertTrue(list.out.contains("hint-conflict.vms"), list.out);
    }

    @Test
    void aGoodRunWritesEveryOutputAndNoTemporaryFile(@TempDir Path out) throws IOException {
        Run run = run(() -> false, "--scenario", "hint-conflict", "--out", out.resolve("map.png").toString(),
                "--out", out.resolve("regions.csv").toString(), "--events", out.resolve("events.json").toString());
        assertEquals(0, run.exit, run.err);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("events.json", "map.png", "regions.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(BooleanSupplier cancelled, String... args) {
        return new HeadlessBadInputTest().runWith(() -> models, cancelled, args);
    }

    private Run runWith(java.util.concurrent.Callable<RegionModelService> service, BooleanSupplier cancelled, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new HeadlessMain(service, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cancelled).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertClean(Run run) {
        for (String text : List.of(run.out, run.err)) {
            assertFalse(text.contains("\tat ") || text.contains("Exception:"), "no stack trace: " + text);
            assertFalse(text.chars().anyMatch(ch -> ch == 0x1b || (ch < 0x20 && ch != '\n' && ch != '\r')),
                    "no raw control character: " + text);
        }
        assertEquals(1, run.err.lines().count(), "one line on stderr: " + run.err);
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }

    /** {@code vm.max_map_count} as the model reads it (the scenario's {@code map_limit}). */
    private static long mapLimit() {
        try {
            return Long.parseLong(Files.readAllLines(Path.of("/proc/sys/vm/max_map_count")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            return 65530;
        }
    }
}
