package org.vmatlas.ui.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.render.map.ColourMode;
import org.vmatlas.render.map.Legend;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

/** The map part's toggles and keys at the two screen sizes: compact layout, colour modes, keys without a click. */
class MapWorkbenchTest {

    private static final long MIB = 1L << 20;
    private final Display display = Display.getDefault();
    private Shell shell;
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() {
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        models.setCurrent(session);
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, 1L << 30, Prot.NONE, "reservation");
        for (int i = 0; i < 40; i++) {
            SimulatedSessions.map(session, base + (1L << 30) + i * 3 * 4096L, 4096, i % 2 == 0 ? Prot.RX : Prot.READ,
                    "lib" + i);
        }
        SimulatedSessions.map(session, base + 2 * (1L << 30), 8 * MIB, Prot.RW, "heap");
    }

    @AfterEach
    void close() {
        shell.dispose();
        models.close(session);
    }

    private AddressSpaceMapPart part(int width, int height) {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(width, height / 2);
        AddressSpaceMapPart part = UiTestSupport.makePart(AddressSpaceMapPart.class, new Composite(shell, SWT.NONE), models,
                new WorkbenchMoment());
        shell.open();
        shell.layout(true, true);
        UiTestSupport.waitUntil(display, () -> part.map().layout().regions().size() == 42, 5000, "the regions");
        return part;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({ "1366, 768", "1920, 1080" })
    void compactShowsEverySmallRegionAndNamesThem(int width, int height) throws Exception {
        AddressSpaceMapPart part = part(width, height);
        MapFrame bytes = part.map().frame();
        long visibleBefore = countVisibleRegions(bytes);
        part.compactButton().setSelection(true);
        part.compactButton().notifyListeners(SWT.Selection, new Event());
        assertEquals(MapLayout.Scale.COMPACT, part.map().layout().scale());
        MapFrame compact = part.map().frame();
        assertEquals(42, countVisibleRegions(compact), "every region has its own cells");
        assertTrue(visibleBefore < 42, "true to size, the small pages share cells: " + visibleBefore);
        Image image = part.map().snapshot(part.map().control().getSize().x, part.map().control().getSize().y);
        try {
            ImageData data = image.getImageData();
            UiTestSupport.saveScreenshot(data, "map-compact-" + width + "x" + height + ".png");
        } finally {
            image.dispose();
        }
        assertTrue(part.compactButton().getBounds().intersects(shell.getClientArea())
                && part.compactButton().isVisible(), "the toggle is on screen");
    }

    private static long countVisibleRegions(MapFrame frame) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int cell = 0; cell < frame.geometry().cells(); cell++) {
            int index = frame.regionIndexInCell(cell);
            if (index >= 0) {
                seen.add(index);
            }
        }
        return seen.size();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({ "1366, 768", "1920, 1080" })
    void colourModesRepaintTheMapAndTheLegend(int width, int height) {
        AddressSpaceMapPart part = part(width, height);
        int legendBefore = legendSwatches(part);
        MapFrame protection = part.map().frame();
        int cell = protection.cellOfAddress(SimulatedSessions.BASE + 2 * (1L << 30) + MIB);
        int x = protection.geometry().cellX(cell);
        int y = protection.geometry().cellY(cell) + 4;
        int green = protection.pixel(x, y);
        assertEquals(0x54A24B, green, "rw- in protection mode");
        part.colourModeCombo().select(ColourMode.TYPE.ordinal());
        part.colourModeCombo().notifyListeners(SWT.Selection, new Event());
        assertEquals(ColourMode.TYPE, part.map().colouring().mode());
        MapFrame byType = part.map().frame();
        int typeColour = Legend.entries(byType.colouring()).stream().filter(e -> e.text().equals("Private data"))
                .findFirst().orElseThrow(() -> new AssertionError("no 'Private data' in the legend")).rgb();
        assertEquals(typeColour, byType.pixel(x, y), "an anonymous rw- region is private data, coloured as the legend says");
        assertNotEquals(legendBefore, legendSwatches(part), "the legend follows the mode");
        assertEquals(Legend.entries(part.map().colouring()).size(), legendSwatches(part),
                "the legend lists the types the map shows, from the first frame on");
        part.colourModeCombo().select(ColourMode.RESIDENCY.ordinal());
        part.colourModeCombo().notifyListeners(SWT.Selection, new Event());
        assertEquals(0xB9B9B4, part.map().frame().pixel(x, y), "a simulated kernel has no resident pages to tell: unknown");
    }

    private static int legendSwatches(AddressSpaceMapPart part) {
        return ((Composite) part.headerLabel().getParent().getChildren()[4]).getChildren().length;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({ "1366, 768", "1920, 1080" })
    void keysZoomFromTheHeaderWithoutAClickOnTheMap(int width, int height) {
        AddressSpaceMapPart part = part(width, height);
        Event plus = new Event();
        plus.keyCode = '+';
        plus.character = '+';
        part.headerLabel().notifyListeners(SWT.KeyDown, plus);
        double span = part.map().viewport().to() - part.map().viewport().from();
        assertEquals(0.5, span, 1e-9, "+ zooms in twice");
        Event home = new Event();
        home.keyCode = SWT.HOME;
        part.headerLabel().notifyListeners(SWT.KeyDown, home);
        assertTrue(part.map().viewport().isWhole());
    }
}
