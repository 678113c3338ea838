package org.vmatlas.ui.internal.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.ui.internal.UiTestSupport;

/** The Residency part on a simulated session (no process) and on a real python3 child that grows. */
class ResidencyPartTest {

    private Shell shell;
    private RegionModelService models;
    private ResidencyPart part;
    private Object selected;
    private volatile SuspectMarks published;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        ESelectionService recorder = (ESelectionService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ESelectionService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("setSelection")) {
                        selected = args[0];
                    }
                    return null;
                });
        part = new ResidencyPart(models, recorder, marks -> published = marks);
        part.create(shell);
        shell.setSize(900, 560);
        shell.open();
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        for (Session s : models.sessions()) {
            models.close(s);
        }
    }

    @Test
    void aSessionWithoutAProcessSaysWhatItNeedsAndDisablesTheControls() {
        Session simulated = SimulatedSessions.linux(models);
        models.setCurrent(simulated);
        part.refresh();
        assertEquals(NLS.bind(Messages.noProcess, simulated.name()), part.statusText());
        assertFalse(part.pauseButton().getEnabled());
        assertFalse(part.windowCombo().getEnabled());
        assertEquals(0, part.growersTable().getItemCount());
        assertEquals(new SuspectMarks(simulated, java.util.List.of()), published, "no suspects for the map");
    }

    @Test
    void aLiveProcessIsSampledChartedAndItsGrowingRegionRankedFirst() throws Exception {
        try (TouchingChild child = new TouchingChild("mmap.MAP_SHARED")) {
            long address = child.address();
            Session session = models.openObservedSession("pid " + child.pid() + ": python3", child.pid());
            models.setCurrent(session);
            Display display = shell.getDisplay();
            part.refresh();
            UiTestSupport.waitUntil(display, () -> part.residencyChart().points(0) >= 2, 15_000, "two samples charted");
            assertTrue(part.statusText().startsWith("Sampling /proc/" + child.pid() + "/smaps"), part.statusText());
            child.touch();
            UiTestSupport.waitUntil(display, () -> part.residencyChart().lastValue(0) >= 40 << 20, 15_000,
                    "the touched 40 MiB in the RSS line");
            UiTestSupport.waitUntil(display, () -> part.growersTable().getItemCount() > 0
                    && part.growersTable().getItem(0).getText(0).startsWith("grew"), 15_000, "a grower listed");
            UiTestSupport.waitUntil(display, () -> published != null && !published.isEmpty(), 15_000,
                    "a leak suspect published for the map");
            assertTrue(published.session() == session, "the suspects name their session");
            var suspect = published.suspects().getFirst();
            assertTrue(suspect.region().start() <= address && address < suspect.region().end(),
                    "the touched mapping is the first suspect: " + suspect);
            assertTrue(suspect.rssDelta() >= org.vmatlas.sources.residency.LeakSuspects.MIN_GROWTH, suspect.describe());
            String region = part.growersTable().getItem(0).getText(2);
            long start = Long.decode(region.substring(0, region.indexOf('-')));
            long end = Long.decode(region.substring(region.indexOf('-') + 1));
            assertTrue(start <= address && address < end, "the 64 MiB mapping at 0x" + Long.toHexString(address)
                    + " grew most, not " + region);
            // as the attachment's poller would: the session's regions from the process's maps
            session.applySnapshot(new org.vmatlas.sources.proc.ProcReader().maps(child.pid()).value().mappings(), "test");
            part.growersTable().select(0);
            part.growersTable().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            assertTrue(selected instanceof Region r && r.contains(address),
                    "choosing the suspect selects its region for the map: " + selected);
            UiTestSupport.captureShell(shell, "residency-part.png");
            child.end();
            UiTestSupport.waitUntil(display, () -> part.statusText().startsWith("Sampling ended"), 15_000,
                    "the exit told");
            assertFalse(part.pauseButton().getEnabled());
            assertTrue(part.growersTable().getItemCount() > 0, "what was sampled stays");
        }
    }
}
