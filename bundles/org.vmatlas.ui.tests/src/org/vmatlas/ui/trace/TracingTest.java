package org.vmatlas.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.ui.internal.UiTestSupport;

/** Run > Trace program...: the program runs under strace, its address space becomes the current session. */
public class TracingTest {

    private final RegionModelService models = SimulatedSessions.service();
    private final List<String> said = new ArrayList<>();

    @TempDir
    Path dir;

    public static void assumePtrace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace (apt-get install strace)");
        Process probe = new ProcessBuilder("/usr/bin/strace", "-o", "/dev/null", "/bin/true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "strace may not trace here (ptrace not permitted)");
    }

    @AfterEach
    void close() {
        Tracing.stop();
        models.sessions().forEach(models::close);
    }

    @Test
    void aLaunchedProgramBecomesTheCurrentSessionAndItsEndIsTold() throws Exception {
        assumePtrace();
        Display display = Display.getDefault();
        Tracing.launch(CommandLine.words("/bin/ls -l /"), dir, models, display, (text, bad) -> said.add(text));
        UiTestSupport.waitUntil(display, () -> said.size() >= 2, 20_000, "the start and the end of the trace");
        assertTrue(said.get(0).startsWith("Tracing /bin/ls -l /"), said.toString());
        assertTrue(said.get(1).contains("exited with 0"), said.toString());
        assertTrue(models.current().name().contains("/bin/ls"), models.current().name());
        assertTrue(models.current().space().size() > 10, "ls's mappings: " + models.current().space().size());
        assertEquals(null, Tracing.current(), "an ended trace is no longer the current one");
    }

    @Test
    void theTracedProgramReplacesTheSessionShownBefore() throws Exception {
        assumePtrace();
        Display display = Display.getDefault();
        Session demo = SimulatedSessions.linux(models);
        assertEquals(demo, models.current());
        Tracing.launch(CommandLine.words("/bin/sleep 1"), dir, models, display, (text, bad) -> said.add(text));
        UiTestSupport.waitUntil(display, () -> said.size() >= 2, 20_000, "the start and the end of the trace");
        UiTestSupport.waitUntil(display, () -> models.current() != demo, 5_000,
                "the traced program's session shown in place of " + demo.name());
        assertTrue(models.current().name().contains("/bin/sleep"), models.current().name());
    }

    @Test
    void aProgramThatCannotRunIsOneSentence() throws Exception {
        assumePtrace();
        Display display = Display.getDefault();
        List<Boolean> bad = new ArrayList<>();
        Tracing.launch(List.of(dir.resolve("none").toString()), dir, models, display, (text, failed) -> {
            said.add(text);
            bad.add(failed);
        });
        UiTestSupport.waitUntil(display, () -> !said.isEmpty(), 20_000, "the failure");
        assertEquals("Cannot trace: cannot run '" + dir.resolve("none") + "': no such program", said.getFirst());
        assertTrue(bad.getFirst());
        assertFalse(Tracing.stop(), "nothing is being traced");
    }
}
