package org.vmatlas.ui.internal.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.trace.Tracing;

/** The Processes part's Trace button: strace attaches to the selected process; Detach leaves it running. */
class ProcessTraceTest {

    private static final long WAIT = 20_000;
    private Shell shell;
    private RegionModelService models;
    private ProcessPickerPart part;
    private Process child;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        part = new ProcessPickerPart(models);
        part.create(shell);
        shell.setSize(900, 600);
        shell.open();
    }

    @AfterEach
    void close() throws InterruptedException {
        Tracing.stop();
        part.dispose();
        shell.dispose();
        if (child != null) {
            child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        models.sessions().forEach(models::close);
    }

    @Test
    void traceAttachesAndStopDetaches() throws Exception {
        org.vmatlas.ui.trace.TracingTest.assumePtrace();
        child = new ProcessBuilder("sleep", "30").start();
        long pid = child.pid();
        part.refresh();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows().stream().anyMatch(p -> p.pid() == pid),
                WAIT, "process " + pid + " in the list");
        assertTrue(part.table().select(pid));
        part.trace();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Tracing process " + pid),
                WAIT, "the trace's start: " + part.messageText());
        assertTrue(models.current().name().startsWith("pid " + pid), models.current().name());
        assertTrue(models.current().space().size() > 5, "its maps at attach are the starting point");
        part.detach(); // Detach ends the trace too
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().contains("it runs on"), WAIT,
                "the detach: " + part.messageText());
        assertTrue(child.isAlive(), "detaching leaves the process running");
    }
}
