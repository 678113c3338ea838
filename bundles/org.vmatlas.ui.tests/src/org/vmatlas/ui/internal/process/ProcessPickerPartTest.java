package org.vmatlas.ui.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.sources.proc.ProcessInfo;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.trace.Tracing;

class ProcessPickerPartTest {

    private static final long WAIT = 10_000;
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

    private Process startSleep() throws IOException {
        child = new ProcessBuilder("sleep", "30").start();
        return child;
    }

    private void waitListed(long pid) {
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows().stream().anyMatch(p -> p.pid() == pid),
                WAIT, "process " + pid + " in the list");
    }

    private Session attachTo(long pid) {
        part.refresh();
        waitListed(pid);
        assertTrue(part.table().select(pid));
        part.attach();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.attachment() != null, WAIT, "the attachment");
        Session session = part.attachment().session();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> session.space().size() > 0, WAIT, "the first snapshot");
        return session;
    }

    @Test
    void listsThisJvmAndFiltersByPid() {
        long self = ProcessHandle.current().pid();
        waitListed(self);
        ProcessInfo me = part.table().rows().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        assertTrue(me.readable(), "our own maps are readable");
        assertTrue(me.command().contains("java"), me.command());
        int all = part.table().rows().size();
        part.filterField().setText(Long.toString(self));
        assertTrue(part.table().rows().size() < all || all == 1);
        assertTrue(part.table().rows().stream().allMatch(p -> Long.toString(p.pid()).contains(Long.toString(self))
                || p.command().contains(Long.toString(self)) || p.owner().contains(Long.toString(self))));
        assertEquals(100, part.intervalField().getSelection(), "10 Hz by default");
    }

    @Test
    void attachingToAChildShowsItsRegionsAndSmaps() throws IOException {
        long pid = startSleep().pid();
        Session session = attachTo(pid);
        assertTrue(session.name().startsWith("pid " + pid + ":"), session.name());
        assertEquals(session, models.current());
        Region text = session.space().regions().stream()
                .filter(r -> r.backing().name() != null && r.backing().name().endsWith("/sleep") && r.executable())
                .findFirst().orElse(null);
        assertNotNull(text, "sleep's code is mapped: " + session.space().regions());
        part.selected(text);
        part.readSmaps();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.smapsText().contains("RSS"), WAIT, "smaps figures");
        assertTrue(part.smapsText().startsWith("0x" + Long.toHexString(text.start())), part.smapsText());
        part.readRollup();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.smapsText().startsWith("Process " + pid), WAIT,
                "smaps_rollup totals");
        part.detach();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Detached"), WAIT, "detach");
        assertTrue(session.timeline().size() > 0);
        UiTestSupport.captureShell(shell, "processes-part.png");
    }

    @Test
    void processThatExitsIsSaidAndTheSessionKeepsItsEvents() throws Exception {
        Process sleeper = startSleep();
        Session session = attachTo(sleeper.pid());
        int events = session.timeline().size();
        assertTrue(events > 0);
        sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().contains("exited"), WAIT,
                "the exit message, got: " + part.messageText());
        assertTrue(part.messageText().contains(session.name()), part.messageText());
        assertTrue(models.sessions().contains(session), "the recorded session stays");
        assertTrue(session.timeline().size() >= events);
        assertEquals(null, part.attachment());
    }

    @Test
    void processGoneBeforeAttachOpensNoSession() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        quick.waitFor(5, TimeUnit.SECONDS);
        int sessions = models.sessions().size();
        part.attach(new ProcessInfo(quick.pid(), "true", 0, "root", 1));
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Cannot attach"), WAIT,
                "the refusal, got: " + part.messageText());
        assertTrue(part.messageText().contains(Long.toString(quick.pid())), part.messageText());
        assertEquals(sessions, models.sessions().size());
        assertFalse(part.attachment() != null);
    }

    @Test
    void theListRefreshesItselfAndKeepsTheChosenProcessByPid() throws Exception {
        long self = ProcessHandle.current().pid();
        waitListed(self);
        long pid = startSleep().pid();
        // no Refresh: the part reads the list again by itself while it is visible
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows().stream().anyMatch(p -> p.pid() == pid),
                ProcessPickerPart.LIST_MILLIS * 3L, "process " + pid + " listed without Refresh");
        assertTrue(part.table().select(pid));
        java.util.List<ProcessInfo> moved = new java.util.ArrayList<>(part.table().rows());
        java.util.Collections.reverse(moved);
        part.table().show(moved);
        assertEquals(pid, part.table().selection().pid(), "the chosen process is selected where its row moved");
        part.refresh();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows().get(0).pid() != moved.get(0).pid(), WAIT,
                "a new listing");
        assertEquals(pid, part.table().selection().pid(), "Refresh keeps the chosen process");
        child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        part.refresh();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows().stream().noneMatch(p -> p.pid() == pid),
                WAIT, "the exited process off the list");
        assertEquals(null, part.table().selection(), "no other process is chosen in its place");
        assertTrue(part.messageText().contains(Long.toString(pid)), part.messageText());
    }

    @Test
    void theRssColumnSortsAndTheChosenProcessStaysChosen() {
        long self = ProcessHandle.current().pid();
        waitListed(self);
        ProcessInfo me = part.table().rows().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        assertTrue(me.rssBytes() > 1 << 20, "a JVM holds more than a MiB: " + me);
        assertTrue(part.table().select(self));
        org.eclipse.swt.widgets.Table table = part.table().control();
        org.eclipse.swt.widgets.TableColumn rss = table.getColumn(4);
        assertEquals("RSS", rss.getText());
        int row = table.getSelectionIndex();
        assertTrue(table.getItem(row).getText(4).endsWith("B"), table.getItem(row).getText(4));
        rss.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        rss.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        java.util.List<ProcessInfo> rows = part.table().rows();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).rssBytes() >= rows.get(i).rssBytes(), "largest first at row " + i);
        }
        assertEquals(self, part.table().selection().pid(), "sorting keeps the chosen process");
        part.refresh();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.table().rows() != rows, WAIT, "a new listing");
        java.util.List<ProcessInfo> again = part.table().rows();
        for (int i = 1; i < again.size(); i++) {
            assertTrue(again.get(i - 1).rssBytes() >= again.get(i).rssBytes(), "still largest first at row " + i);
        }
        assertEquals(self, part.table().selection().pid(), "a new listing keeps the chosen process");
    }

    @Test
    void attachingElsewhereClearsTheFiguresOfTheProcessBefore() throws Exception {
        long first = startSleep().pid();
        attachTo(first);
        part.readRollup();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.smapsText().startsWith("Process " + first), WAIT,
                "smaps_rollup totals");
        Process second = new ProcessBuilder("sleep", "30").start();
        try {
            part.attach(new ProcessInfo(second.pid(), "sleep 30", 0, "me", 1));
            assertEquals("", part.smapsText(), "the figures of process " + first + " are gone");
        } finally {
            second.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void smapsWithoutAnAttachmentAsksForOne() {
        part.readSmaps();
        assertTrue(part.smapsText().startsWith("Attach"), part.smapsText());
    }

    /** Trace attaches strace to the selected process; Detach ends the trace and leaves the process running. */
    @Test
    void traceAttachesAndStopDetaches() throws Exception {
        org.vmatlas.ui.trace.TracingTest.assumePtrace();
        long pid = startSleep().pid();
        part.refresh();
        waitListed(pid);
        assertTrue(part.table().select(pid));
        part.trace();
        long traceWait = 2 * WAIT; // strace's start and its first reading of the process
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().startsWith("Tracing process " + pid),
                traceWait, "the trace's start: " + part.messageText());
        assertTrue(models.current().name().startsWith("pid " + pid), models.current().name());
        assertTrue(models.current().space().size() > 5, "its maps at attach are the starting point");
        part.detach();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.messageText().contains("it runs on"), traceWait,
                "the detach: " + part.messageText());
        assertTrue(child.isAlive(), "detaching leaves the process running");
    }
}
