package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;

/** {@code --compare-owners}: this test's own JVM against itself a moment later, and its bad inputs. */
class CompareOwnersTest {

    private static RegionModelService models;

    @BeforeAll
    static void service() throws Exception {
        var context = FrameworkUtil.getBundle(CompareOwnersTest.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker = new ServiceTracker<>(context, RegionModelService.class, null);
        tracker.open();
        models = tracker.waitForService(10_000);
        assertNotNull(models, "the region-model DS service within 10 s");
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new HeadlessMain(() -> models, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> false).run(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void oneProcessTwiceComparesByOwner() {
        String self = Long.toString(ProcessHandle.current().pid());
        Outcome o = run("--headless", "--compare-owners", self, self);
        assertEquals(0, o.status(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().contains("  Image: libjvm.so text: same\n"), o.out());
        assertTrue(o.out().contains("  Image: libc.so.6 text: same\n"), o.out());
        assertTrue(o.out().contains("  Kernel: [vdso]: same\n"), o.out());
        assertTrue(o.out().contains("  Kernel: [vsyscall]: same\n") || !java.nio.file.Files.exists(java.nio.file.Path.of(
                "/proc/self/maps")), o.out());
        assertTrue(o.out().matches("(?s).*\ntotal: .* resident -> .* resident\n"), o.out());
    }

    @Test
    void badInputIsOneSentenceAndStatusOne() {
        Outcome missing = run("--headless", "--compare-owners", "1");
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("vmatlas: "), missing.err());
        String self = Long.toString(ProcessHandle.current().pid());
        Outcome gone = run("--headless", "--compare-owners", self, Long.toString(HeadlessCommand.PID_MAX));
        assertEquals(1, gone.status(), gone.err());
        assertEquals("vmatlas: there is no process " + HeadlessCommand.PID_MAX + " (it has exited, or never ran)\n",
                gone.err());
        Outcome mixed = run("--headless", "--compare-owners", "1", "2", "--out", "x.png");
        assertEquals(1, mixed.status());
        assertEquals("vmatlas: --compare-owners prints its comparison: give it no other source or output\n", mixed.err());
    }
}
