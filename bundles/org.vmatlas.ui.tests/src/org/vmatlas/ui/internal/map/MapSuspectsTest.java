package org.vmatlas.ui.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.sources.residency.Figures;
import org.vmatlas.sources.residency.Growth;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.residency.SuspectMarks;

/**
 * Leak suspects put in the application's context, as the Residency part does, are marked on the map of their
 * session (an outline in their own colour, a word in the hover, a key in the legend) and on no other.
 */
class MapSuspectsTest {

    private static final long MIB = 1L << 20;
    private static final long BASE = 0x200000000L;
    private MapTestShell fixture;
    private Display display;
    private Shell shell;
    private RegionModelService models;
    private Session session;
    private IEclipseContext application;
    /** Held here as the workbench's model holds a part's context: a parent keeps its children only weakly. */
    private IEclipseContext partContext;
    private AddressSpaceMapPart part;

    @BeforeEach
    void open() throws InterruptedException {
        fixture = new MapTestShell("suspects test");
        display = fixture.display;
        shell = fixture.shell;
        models = fixture.models;
        session = fixture.session;
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        session.apply(new Call.Mmap(BASE, 8 * MIB, Prot.RW, fixed, -1, 0, "quiet"));
        session.apply(new Call.Mmap(BASE + 32 * MIB, 64 * MIB, Prot.RW, fixed, -1, 0, "growing"));
        application = EclipseContextFactory.create("application");
        application.set(RegionModelService.class, models);
        application.set(WorkbenchMoment.class, new WorkbenchMoment());
        application.set(ESelectionService.class, (ESelectionService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ESelectionService.class }, (proxy, method, args) -> null));
        partContext = application.createChild("map part");
        partContext.set(Composite.class, shell);
        part = ContextInjectionFactory.make(AddressSpaceMapPart.class, partContext);
        shell.open();
        UiTestSupport.waitUntil(display, () -> part.map().layout().regions().size() == 2, 5000, "both regions shown");
    }

    @AfterEach
    void close() {
        application.dispose();
        fixture.close();
    }

    private static SuspectMarks growing(Session of) {
        Mapping region = new Mapping(BASE + 32 * MIB, BASE + 96 * MIB, Prot.RW, Prot.RWX, false, 0, 0, 0, "");
        Growth grew = new Growth(region, new Figures(0, 0, 0, 0, 0),
                new Figures(2_000_000_000L, 40 * MIB, 40 * MIB, 40 * MIB, 0));
        return new SuspectMarks(of, List.of(grew));
    }

    @Test
    void aSuspectOfTheShownSessionIsOutlinedNamedInTheHoverAndKeyedInTheLegend() throws Exception {
        assertFalse(part.legend().texts().contains(MapMessages.legendSuspect), "no key before any suspect");
        application.set(SuspectMarks.CONTEXT_KEY, growing(session));
        MapCanvas map = part.map();
        UiTestSupport.waitUntil(display, () -> map.suspects().suspects().size() == 1, 5000,
                "the map to take the suspects from the context");
        assertTrue(part.legend().texts().contains(MapMessages.legendSuspect), part.legend().texts().toString());

        assertEquals(MapOverlay.SUSPECT, outlineColour(map, "map-suspects.png"), "the suspect's outline");
        assertTrue(hoverAt(map, BASE + 64 * MIB).contains("leak suspect: grew 40.0 MiB in 2 s"),
                hoverAt(map, BASE + 64 * MIB));
        assertFalse(hoverAt(map, BASE + 4 * MIB).contains("leak suspect"), "the quiet region is no suspect");

        application.set(SuspectMarks.CONTEXT_KEY, new SuspectMarks(session, List.of()));
        UiTestSupport.waitUntil(display, () -> map.suspects().isEmpty(), 5000,
                "a region no longer suspected to lose its mark");
        assertFalse(part.legend().texts().contains(MapMessages.legendSuspect), "and the key goes");
        assertFalse(outlineColour(map, "map-no-suspects.png") == MapOverlay.SUSPECT, "no outline left");
    }

    @Test
    void suspectsOfAnotherSessionAreNotMarkedHere() throws Exception {
        Session other = models.openSession("another process", Personality.LINUX.newKernel());
        try {
            models.setCurrent(session);
            application.set(SuspectMarks.CONTEXT_KEY, growing(other));
            assertTrue(part.map().suspects().isEmpty());
            assertFalse(hoverAt(part.map(), BASE + 64 * MIB).contains("leak suspect"));
        } finally {
            models.close(other);
        }
    }

    /** The colour just left of the suspect region's first cell, where its outline runs. */
    private static int outlineColour(MapCanvas map, String screenshot) throws Exception {
        Image image = map.snapshot(1200, 500);
        try {
            ImageData data = image.getImageData();
            MapFrame frame = new MapFrame(map.layout(), MapGeometry.forCanvas(1200, 500), map.viewport(),
                    map.conflicts(), List.of());
            int cell = frame.cellOfAddress(BASE + 32 * MIB);
            int row = cell / frame.geometry().columns();
            int x = frame.geometry().cellX(cell) - 1;
            int y = frame.geometry().rowTop(row) + frame.geometry().bandHeight() / 2 + 4;
            UiTestSupport.saveScreenshot(data, screenshot);
            return UiTestSupport.rgb(data, x, y);
        } finally {
            image.dispose();
        }
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
