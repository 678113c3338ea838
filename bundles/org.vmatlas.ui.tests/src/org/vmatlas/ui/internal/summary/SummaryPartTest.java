package org.vmatlas.ui.internal.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.owners.RegionType;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.WorkbenchMoment;

/** The Summary part over a simulated session: one row per type present, a total, and a type chosen posted. */
class SummaryPartTest {

    private Shell shell;
    private RegionModelService models;
    private Session session;
    private SummaryPart part;
    private final List<Object> posted = new ArrayList<>();

    private static RegionClassifier classifier() throws InterruptedException {
        var context = FrameworkUtil.getBundle(SummaryPart.class).getBundleContext();
        ServiceTracker<RegionClassifier, RegionClassifier> tracker = new ServiceTracker<>(context, RegionClassifier.class, null);
        tracker.open();
        RegionClassifier service = tracker.waitForService(10_000);
        assertNotNull(service, "no RegionClassifier registered within 10 s: is Felix SCR running?");
        return service;
    }

    @BeforeEach
    void open() throws Exception {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        SimulatedSessions.mapCycle(session, 12, 1); // r--, rw-, r-x, --- anonymous pages, three of each
        part = new SummaryPart(models, new WorkbenchMoment(), classifier(), posted::add);
        part.create(shell);
        shell.setSize(900, 300);
        shell.open();
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        models.close(session);
    }

    private static void waitFor(BooleanSupplier condition) {
        long end = System.currentTimeMillis() + 10_000;
        Display display = Display.getDefault();
        while (!condition.getAsBoolean() && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                display.sleep();
                display.timerExec(20, () -> { });
            }
        }
        assertTrue(condition.getAsBoolean(), "the classification arrived within 10 s");
    }

    @Test
    void rowsPerTypeAndATotal() {
        Table table = part.table();
        waitFor(() -> table.getItemCount() > 0);
        AddressSpace space = session.space();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < table.getItemCount(); i++) {
            types.add(table.getItem(i).getText(0));
        }
        // accessible anonymous pages are private data, executable ones code, PROT_NONE ones reservations
        assertEquals(List.of("Code", "Reserved", "Private data", "Total"), types);
        assertEquals(Integer.toString(space.size()), table.getItem(3).getText(7), "the total counts every region");
        assertEquals("3", table.getItem(0).getText(7));
        assertEquals("12 KiB", table.getItem(0).getText(1));
        assertEquals("0 B", table.getItem(1).getText(2), "reservations commit nothing");
        assertEquals("", table.getItem(0).getText(3), "a simulated session has no residency");
        int prot = 0;
        for (int i = 0; i < space.size(); i++) {
            prot += space.prot(i) == Prot.RX ? 1 : 0;
        }
        assertEquals(3, prot);
        table.select(0);
        table.notifyListeners(SWT.Selection, new Event());
        assertEquals(List.of(RegionType.CODE.name()), posted, "choosing a type tells the Regions table");
        table.select(3);
        table.notifyListeners(SWT.Selection, new Event());
        assertEquals("", posted.getLast(), "the total shows every type");
    }
}
