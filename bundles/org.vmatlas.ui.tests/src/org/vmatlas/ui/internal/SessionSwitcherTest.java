package org.vmatlas.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.ui.internal.process.ProcessFamilies;

/** The toolbar's session chooser lists the open sessions and makes the chosen one current, and live. */
class SessionSwitcherTest {

    private final RegionModelService models = SimulatedSessions.service();
    private final Shell shell = new Shell(Display.getDefault());

    @AfterEach
    void close() {
        shell.dispose();
        models.sessions().forEach(models::close);
    }

    @Test
    void choosingASessionMakesItCurrentAndLive() {
        models.sessions().forEach(models::close);
        Session first = models.openSession("first", Personality.LINUX.newKernel());
        Session second = models.openSession("second", Personality.AIX.newKernel());
        models.setCurrent(second);
        shell.setLayout(new FillLayout());
        WorkbenchMoment moment = new WorkbenchMoment();
        moment.seek(3);
        SessionSwitcher switcher = new SessionSwitcher(models, moment);
        switcher.create(shell);
        assertArrayEquals(new String[] { "first", "second" }, switcher.items());
        switcher.choose(0);
        assertSame(first, models.current());
        assertTrue(moment.isLive(), "another session is shown from its latest event");
        models.close(first);
        UiTestSupport.waitUntil(shell.getDisplay(), () -> switcher.items().length == 1, 5000, "the closed session to leave the list");
        assertSame(second, models.current());
        switcher.dispose();
    }

    @Test
    void noSessionAtAllIsAnEmptyChooserNotAnError() {
        models.sessions().forEach(models::close);
        shell.setLayout(new FillLayout());
        SessionSwitcher switcher = new SessionSwitcher(models, new WorkbenchMoment());
        switcher.create(shell);
        assertEquals(0, switcher.items().length);
        switcher.dispose();
    }

    @Test
    void theProcessesButtonWakesWhenALogOrTraceHasProcesses() {
        models.sessions().forEach(models::close);
        shell.setLayout(new FillLayout());
        SessionSwitcher switcher = new SessionSwitcher(models, new WorkbenchMoment());
        switcher.create(shell);
        assertFalse(switcher.processesButton().isEnabled(), "no log or trace yet");
        Session sh = models.openSession("pid 7 sh", Personality.LINUX.newKernel());
        ProcessFamilies.add("strace sh.log", () -> List.of(new TracedProcess(7, 0, "sh", sh, false)));
        UiTestSupport.waitUntil(shell.getDisplay(), () -> switcher.processesButton().isEnabled(), 5000,
                "the Processes button to be enabled");
        models.close(sh);
        UiTestSupport.waitUntil(shell.getDisplay(), () -> !switcher.processesButton().isEnabled(), 5000,
                "the Processes button to sleep once the log's sessions are closed");
        switcher.dispose();
    }

    @Test
    void aLongNameIsShortenedInTheMiddle() {
        String commandLine = "python3 /usr/lib/python3/dist-packages/some/deep/module/path/server.py --port 8080 --workers 4";
        String shown = SessionSwitcher.shortName(commandLine);
        assertEquals(SessionSwitcher.SHORT_NAME, shown.length(), shown);
        assertTrue(shown.startsWith("python3 /usr/lib/"), shown);
        assertTrue(shown.endsWith("--workers 4"), shown);
        assertEquals("first", SessionSwitcher.shortName("first"));
        assertEquals("a b", SessionSwitcher.shortName("a\n  b"), "line breaks and runs of blanks become one space");
    }
}
