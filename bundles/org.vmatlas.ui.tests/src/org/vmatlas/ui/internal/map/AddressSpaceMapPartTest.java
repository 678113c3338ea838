package org.vmatlas.ui.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * The map part in a real Shell, fed by the real DS service: after calls on a simulated kernel, the
 * pixels where a region is drawn carry its protection's colour, and a conflict is marked in red.
 */
class AddressSpaceMapPartTest {

    private static final long MIB = 1L << 20;
    private static final long BASE = 0x200000000L;
    private MapTestShell fixture;
    private Display display;
    private Shell shell;
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() throws InterruptedException {
        fixture = new MapTestShell("map part test");
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
    void regionsAreDrawnInTheirProtectionColours() throws Exception {
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        session.apply(new Call.Mmap(BASE, 8 * MIB, Prot.RW, fixed, -1, 0, "data"));
        session.apply(new Call.Mprotect(BASE + 2 * MIB, 2 * MIB, Prot.READ));
        session.apply(new Call.Mmap(BASE + 16 * MIB, 4 * MIB, Prot.RX, fixed, -1, 0, "code"));
        session.apply(new Call.Mmap(BASE + 6 * MIB, MIB, Prot.NONE, fixed, -1, 0, "clobber"));

        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.layout().regions().size() == 6, 5000, "the map to show 6 regions");

        Image image = map.snapshot(1200, 500);
        try {
            ImageData data = image.getImageData();
            MapFrame frame = new MapFrame(map.layout(), MapGeometry.forCanvas(1200, 500), map.viewport(),
                    map.conflicts(), java.util.List.of());
            assertColourAt(data, frame, BASE + MIB, Prot.RW);
            assertColourAt(data, frame, BASE + 3 * MIB, Prot.READ);
            assertColourAt(data, frame, BASE + 18 * MIB, Prot.RX);
            int conflictCell = frame.cellOfAddress(BASE + 6 * MIB + MIB / 2);
            assertEquals(MapColors.CONFLICT, UiTestSupport.rgb(data, frame.geometry().cellX(conflictCell),
                    frame.geometry().cellY(conflictCell) + 1), "MAP_FIXED over live pages is marked");
            UiTestSupport.saveScreenshot(data, "map-part.png");
        } finally {
            image.dispose();
        }
    }

    @Test
    void duplicateMappingsAreLinkedByAnArc() throws Exception {
        long fd = session.apply(new Call.MemfdCreate("jit")).result().value();
        session.apply(new Call.Ftruncate((int) fd, 64 * 1024));
        int shared = MapFlags.SHARED | MapFlags.FIXED;
        session.apply(new Call.Mmap(BASE, 64 * 1024, Prot.RW, shared, (int) fd, 0, "jit rw"));
        session.apply(new Call.Mmap(BASE + MIB, 64 * 1024, Prot.RX, shared, (int) fd, 0, "jit rx"));
        assertEquals(1, session.space().duplicateGroups().size(), "the model pairs the two views");

        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.layout().regions().size() == 2, 5000, "the map to show both views");
        Image image = map.snapshot(1200, 500);
        try {
            ImageData data = image.getImageData();
            MapFrame frame = new MapFrame(map.layout(), MapGeometry.forCanvas(1200, 500), map.viewport(),
                    map.conflicts(), java.util.List.of());
            for (long end : new long[] { BASE, BASE + MIB }) {
                int cell = frame.cellOfAddress(end);
                assertEquals(Integer.toHexString(MapOverlay.ARC), Integer.toHexString(UiTestSupport.rgb(data,
                        frame.geometry().cellX(cell), frame.geometry().cellY(cell))), "arc end at 0x" + Long.toHexString(end));
            }
            UiTestSupport.saveScreenshot(data, "map-duplicates.png");
        } finally {
            image.dispose();
        }
    }

    @Test
    void theHoverTipGoesWhenThePointerLeavesTheMap() throws Exception {
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        session.apply(new Call.Mmap(BASE, 8 * MIB, Prot.RW, fixed, -1, 0, "data"));
        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.layout().regions().size() == 1, 5000, "the map to show the region");
        MapFrame frame = map.frame();
        int cell = frame.cellOfAddress(BASE + MIB);
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.x = frame.geometry().cellX(cell);
        move.y = frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2;
        for (int leave : new int[] { org.eclipse.swt.SWT.MouseExit, org.eclipse.swt.SWT.FocusOut }) {
            map.control().notifyListeners(org.eclipse.swt.SWT.MouseMove, move);
            assertTrue(map.control().getToolTipText() != null && map.control().getToolTipText().contains("data"),
                    String.valueOf(map.control().getToolTipText()));
            map.control().notifyListeners(leave, new org.eclipse.swt.widgets.Event());
            assertEquals(null, map.control().getToolTipText(), "no tip after event " + leave);
        }
    }

    @Test
    void theMapKeysWorkFromEveryControlOfThePart() throws Exception {
        // 256 MiB: enough for zooming in (a map never zooms below a page a row, an empty one not at all)
        session.apply(new Call.Mmap(BASE, 256 * MIB, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0,
                "data"));
        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.layout().regions().size() == 1, 5000, "the map to show the region");
        org.eclipse.swt.widgets.Control[] others = { part.overviewButton(),
            ((org.eclipse.swt.widgets.Composite) map.control().getParent()).getChildren()[0],
            ((org.eclipse.swt.widgets.Composite) map.control().getParent()).getChildren()[2] };
        for (org.eclipse.swt.widgets.Control other : others) {
            org.eclipse.swt.widgets.Event plus = new org.eclipse.swt.widgets.Event();
            plus.keyCode = '+';
            other.notifyListeners(org.eclipse.swt.SWT.KeyDown, plus);
            assertTrue(!map.viewport().isWhole(), "+ on " + other + " zooms in");
            org.eclipse.swt.widgets.Event home = new org.eclipse.swt.widgets.Event();
            home.keyCode = org.eclipse.swt.SWT.HOME;
            other.notifyListeners(org.eclipse.swt.SWT.KeyDown, home);
            assertTrue(map.viewport().isWhole(), "Home on " + other + " shows all");
        }
    }

    @Test
    void eachSessionKeepsItsOwnZoom() throws Exception {
        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, shell, models, new WorkbenchMoment());
        shell.open();
        MapCanvas map = part.map();
        map.viewport().zoom(8, 0.5);
        double from = map.viewport().from();
        double to = map.viewport().to();
        Session other = models.openSession("map part test, other", Personality.LINUX.newKernel());
        try {
            models.setCurrent(other);
            UiTestSupport.waitUntil(display, () -> map.viewport().isWhole(), 5000,
                    "a session shown for the first time to be shown whole");
            map.viewport().zoom(2, 0.25);
            models.setCurrent(session);
            UiTestSupport.waitUntil(display, () -> map.viewport().from() == from && map.viewport().to() == to, 5000,
                    "the first session to come back at its own zoom");
        } finally {
            models.close(other);
        }
    }

    private static void assertColourAt(ImageData data, MapFrame frame, long address, int prot) {
        Region region = frame.layout().regionAt(address);
        assertTrue(region != null && region.prot() == prot, "the model has " + region + " at 0x" + Long.toHexString(address));
        int cell = frame.cellOfAddress(address);
        int x = frame.geometry().cellX(cell);
        int y = frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2;
        assertEquals(Integer.toHexString(MapColors.ofProt(prot)), Integer.toHexString(UiTestSupport.rgb(data, x, y)),
                "colour at 0x" + Long.toHexString(address) + " (cell " + cell + ", " + x + "," + y + ")");
    }
}
