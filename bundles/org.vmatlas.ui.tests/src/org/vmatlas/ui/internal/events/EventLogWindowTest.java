package org.vmatlas.ui.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
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

/** The event log's table holds a bounded window of a long timeline, and the rows name the right events. */
class EventLogWindowTest {

    private Shell shell;
    private RegionModelService models;
    private Session session;
    private final WorkbenchMoment moment = new WorkbenchMoment();

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 400);
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
    }

    @AfterEach
    void close() {
        shell.dispose();
        models.close(session);
    }

    @Test
    void windowFollowsTheNewestWhileLiveAndTheMomentWhenBack() {
        EventWindow all = EventWindow.of(5_000, true, WorkbenchMoment.LIVE, null);
        assertEquals(new EventWindow(0, 5_000, 5_000), all);
        assertFalse(all.partial());
        EventWindow live = EventWindow.of(10_000_000, true, WorkbenchMoment.LIVE, null);
        assertEquals(10_000_000 - EventWindow.ROWS, live.first());
        assertEquals(EventWindow.ROWS, live.rows());
        EventWindow back = EventWindow.of(10_000_000, false, 1_234, live);
        assertEquals(0, back.first(), "an early moment: the window starts at the first event");
        EventWindow middle = EventWindow.of(10_000_000, false, 5_000_000, back);
        assertEquals(5_000_000 - EventWindow.ROWS / 2, middle.first());
        EventWindow near = EventWindow.of(10_000_000, false, 5_000_000 + 1_000, middle);
        assertEquals(middle.first(), near.first(), "a moment already in view leaves the rows where they are");
    }

    @Test
    void aLongTimelineFillsOnlyItsWindowAndRowsNameTheirEvents() {
        long base = SimulatedSessions.BASE;
        int events = EventWindow.ROWS + 2_345;
        for (int i = 0; i < events; i++) {
            session.apply(new Call.Mprotect(base, SimulatedSessions.PAGE, i % 2 == 0 ? Prot.READ : Prot.NONE));
        }
        EventLogPart part = UiTestSupport.makePart(EventLogPart.class, shell, models, moment);
        shell.open();
        Display display = shell.getDisplay();
        UiTestSupport.waitUntil(display, () -> part.table().getItemCount() == EventWindow.ROWS, 10_000, "the window's rows");
        assertTrue(part.range().getVisible(), "the line above says which events are listed");
        assertTrue(part.range().getText().contains("102,345"), part.range().getText());
        TableItem last = part.table().getItem(EventWindow.ROWS - 1);
        UiTestSupport.waitUntil(display, () -> !last.getText(0).isEmpty(), 5_000, "the last row filled");
        assertEquals(Integer.toString(events - 1), last.getText(0), "the last row is the newest event");

        // the toolkit selects a row when the table first takes the focus: let that pass before going back
        part.table().setFocus();
        while (display.readAndDispatch()) {
            // drain
        }
        moment.seek(10);
        UiTestSupport.waitUntil(display, () -> part.range().getText().startsWith("Events 0–99,999 of 102,345"), 5_000,
                "the window moves back");
        assertEquals(10, part.table().getSelectionIndex(), "the moment's row is selected");
        moment.seek(60_000);
        UiTestSupport.waitUntil(display, () -> part.table().getSelectionIndex() == 60_000, 5_000,
                "the row of a moment inside the window selected, the window left where it was");
        assertTrue(part.range().getText().startsWith("Events 0\u201399,999 of 102,345"), part.range().getText());
        TableItem row10 = part.table().getItem(10);
        part.table().showItem(row10);
        UiTestSupport.waitUntil(display, () -> !row10.getText(0).isEmpty(), 5_000, "row 10 filled");
        assertEquals("10", row10.getText(0));
        assertEquals(session.timeline().event(10).call().describe(), row10.getText(1));
        part.dispose();
    }
}
