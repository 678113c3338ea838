package org.vmatlas.ui.internal.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.ui.internal.UiTestSupport;

/**
 * "By type" plots a live process's RSS per region type: the owners' service classifies each new sample, never
 * on the UI thread, and the type holding a mapping the process touched shows its growth.
 */
class ResidencyPartByTypeTest {

    private Shell shell;
    private RegionModelService models;
    private ResidencyPart part;
    private final List<Thread> classifiedOn = new CopyOnWriteArrayList<>();

    /** The real service, telling which thread asked it. */
    private RegionClassifier recordingClassifier() throws InterruptedException {
        var context = FrameworkUtil.getBundle(ResidencyPart.class).getBundleContext();
        ServiceTracker<RegionClassifier, RegionClassifier> tracker = new ServiceTracker<>(context, RegionClassifier.class, null);
        tracker.open();
        RegionClassifier service = tracker.waitForService(10_000);
        assertNotNull(service, "no RegionClassifier registered within 10 s: is Felix SCR running?");
        return new RegionClassifier() {
            @Override
            public Classification classify(Session session, boolean residency) {
                classifiedOn.add(Thread.currentThread());
                return service.classify(session, residency);
            }

            @Override
            public Classification classify(List<Region> regions, OptionalLong pid, boolean residency) {
                classifiedOn.add(Thread.currentThread());
                return service.classify(regions, pid, residency);
            }
        };
    }

    @BeforeEach
    void open() throws InterruptedException {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        part = new ResidencyPart(models, null, marks -> { }, recordingClassifier());
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
    void byTypeIsOffAndDisabledWithoutAProcess() {
        models.setCurrent(SimulatedSessions.linux(models));
        part.refresh();
        assertFalse(part.byTypeButton().getEnabled());
        assertEquals(List.of(Messages.rss, Messages.pss, Messages.dirty, Messages.swap), part.residencyChart().lineNames());
        assertEquals(List.of(), classifiedOn, "nothing classified");
    }

    @Test
    void theTouchedMappingsTypeGrowsOnTheChartAndNothingIsClassifiedOnTheUiThread() throws Exception {
        try (TouchingChild child = new TouchingChild("mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS")) {
            Session session = models.openObservedSession("pid " + child.pid() + ": python3", child.pid());
            session.applySnapshot(new ProcReader().maps(child.pid()).value().mappings(), "test");
            models.setCurrent(session);
            Display display = shell.getDisplay();
            part.refresh();
            assertTrue(part.byTypeButton().getEnabled(), "a live process can be shown by type");
            part.byTypeButton().setSelection(true);
            part.byTypeButton().notifyListeners(SWT.Selection, new Event());
            UiTestSupport.waitUntil(display, () -> part.residencyChart().lineNames().contains("Image")
                    && part.residencyChart().points(0) >= 1, 20_000, "a classification by type charted");
            child.touch();
            UiTestSupport.waitUntil(display, () -> maxLastValue(part.residencyChart()) >= 40 << 20, 20_000,
                    "a type line holding the touched 40 MiB");
            UiTestSupport.captureShell(shell, "residency-by-type.png");
            assertFalse(classifiedOn.isEmpty(), "the owners' service was asked");
            assertTrue(classifiedOn.stream().noneMatch(t -> t == display.getThread()),
                    "classified on " + classifiedOn.stream().map(Thread::getName).distinct().toList());
            part.byTypeButton().setSelection(false);
            part.byTypeButton().notifyListeners(SWT.Selection, new Event());
            assertEquals(List.of(Messages.rss, Messages.pss, Messages.dirty, Messages.swap),
                    part.residencyChart().lineNames(), "off again: the totals");
            child.end();
        }
    }

    private static double maxLastValue(ResidencyChart chart) {
        double max = 0;
        for (int k = 0; k < chart.lineNames().size(); k++) {
            max = Math.max(max, chart.lastValue(k));
        }
        return max;
    }
}
