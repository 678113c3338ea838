package org.vmatlas.ui.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.map.AddressSpaceMapPart;

/** Dragging the timeline's scrubber moves the whole workbench: the map shows the address space of then. */
class TimelineChartPartTest {

    private static final long MIB = 1L << 20;
    private Shell shell;
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout(SWT.VERTICAL));
        shell.setSize(1000, 700);
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        models.setCurrent(session);
    }

    @AfterEach
    void close() {
        shell.dispose();
        models.close(session);
    }

    @Test
    void scrubbingShowsThePastOnTheMap() {
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, 8 * MIB, Prot.RW, "data");
        session.apply(new Call.Mprotect(base + 2 * MIB, 2 * MIB, Prot.READ));
        session.apply(new Call.Munmap(base, 8 * MIB));
        WorkbenchMoment moment = new WorkbenchMoment();
        AddressSpaceMapPart map = UiTestSupport.makePart(AddressSpaceMapPart.class, new org.eclipse.swt.widgets.Composite(shell, SWT.NONE), models, moment);
        TimelineChartPart chart = UiTestSupport.makePart(TimelineChartPart.class, new org.eclipse.swt.widgets.Composite(shell, SWT.NONE), models, moment);
        shell.open();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> chart.builtChart() != null && chart.series().size() == 3, 5000,
                "the chart to be built with the three events");
        assertEquals(0, map.map().layout().regions().size(), "live: everything was unmapped at the end");

        chart.scrubber().setSelection(2); // the scrubber counts "before the first event" as 0
        chart.scrubber().notifyListeners(SWT.Selection, new Event());
        assertEquals(1, moment.eventIndex());
        assertFalse(moment.isLive());
        UiTestSupport.waitUntil(shell.getDisplay(), () -> map.map().layout().regions().size() == 3, 5000,
                "the map to show the three regions after the mprotect");
        assertEquals(session.timeline().spaceAfter(1).regions(), map.map().layout().regions());
        UiTestSupport.captureShell(shell, "timeline-scrubbed.png");
    }

    @Test
    void changesBetweenMomentsListRemovedAndAddedRegions() {
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, 4 * MIB, Prot.RW, "data");
        session.apply(new Call.Mprotect(base, MIB, Prot.READ));
        String text = ChangesDialog.describe(session.timeline(), 0, 1);
        assertTrue(text.startsWith("1 region(s) gone, 2 region(s) new"), text);
        assertTrue(text.contains("- ") && text.contains("+ "), text);
        assertTrue(ChangesDialog.describe(session.timeline(), 1, 1).startsWith("No region changed"));
    }
}
