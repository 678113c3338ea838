package org.vmatlas.ui.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

/** The map's hover names the pattern a recent call followed on the region it made, and only there. */
class MapHoverNotesTest {

    private static final long MIB = 1L << 20;
    private static final long STACK = 0x200000000L;
    private static final String GUARD = "guard pages of thread 4242's stack";
    private MapTestShell fixture;
    private Display display;
    private Shell shell;
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() throws InterruptedException {
        fixture = new MapTestShell("hover notes test");
        display = fixture.display;
        shell = fixture.shell;
        models = fixture.models;
        session = fixture.session;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theGuardPagesSayWhatTheyAreAndTheStackAboveDoesNot() throws Exception {
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        session.apply(new Call.Mmap(STACK, 8 * MIB, Prot.RW, fixed, -1, 0, "stack"));
        var guard = session.apply(new Call.Mmap(STACK, 2 * MIB, Prot.NONE, fixed, -1, 0, GUARD));
        assertEquals(List.of(GUARD), guard.notes(), "the model recognises the pattern: " + guard.describe());

        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.layout().regions().size() == 2, 5000, "the map to show both regions");
        String onGuard = hoverAt(map, STACK + MIB);
        assertTrue(onGuard.contains(MapMessages.hoverPattern.replace("{0}", GUARD)), onGuard);
        String onStack = hoverAt(map, STACK + 6 * MIB);
        assertTrue(onStack.contains("label stack"), onStack);
        assertFalse(onStack.contains(GUARD), onStack);
    }

    private static String hoverAt(MapCanvas map, long address) {
        MapFrame frame = map.frame();
        int cell = frame.cellOfAddress(address);
        Event move = new Event();
        move.x = frame.geometry().cellX(cell);
        move.y = frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2;
        map.control().notifyListeners(SWT.MouseMove, move);
        return String.valueOf(map.control().getToolTipText());
    }
}
