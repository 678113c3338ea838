package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Prot;

/** The map's layout and rasterisation, without a display. */
class MapLayoutTest {

    private static final long MIB = 1L << 20;

    static Region region(long start, long length, int prot) {
        return new Region(start, start + length, prot, Prot.RWX, false, Backing.anonymous(),
                prot == Prot.NONE ? RegionState.RESERVED : RegionState.READY, true, "");
    }

    @Test
    void longGapsBecomeBreaksAndShortOnesStay() {
        List<Region> regions = List.of(region(0x10000000L, MIB, Prot.RW), region(0x10100000L + 64 * 1024, MIB, Prot.READ),
                region(0x7f0000000000L, 2 * MIB, Prot.RX));
        MapLayout layout = MapLayout.of(regions);
        assertEquals(3, layout.segments().size(), "island, break, island: " + layout.segments());
        assertFalse(layout.segments().get(0).isBreak());
        assertTrue(layout.segments().get(1).isBreak());
        assertTrue(layout.virtualLength() < 8 * MIB, "128 TiB gap compressed, axis " + layout.virtualLength());
        long probe = 0x10100000L + 64 * 1024 + 4096;
        assertEquals(probe, layout.addressAt(layout.virtualOf(probe)), 1.0);
        assertSame(regions.get(1), layout.regionAt(probe));
        assertNull(layout.regionAt(0x10100000L + 100), "the short gap stays free");
    }

    @Test
    void everyCellOfARegionShowsItsProtection() {
        List<Region> regions = List.of(region(0x40000000L, 4 * MIB, Prot.RW), region(0x40400000L, 4 * MIB, Prot.RX));
        MapLayout layout = MapLayout.of(regions);
        byte[] classes = MapRaster.classify(layout, 0, layout.virtualLength(), 800);
        assertEquals(CellClass.PROTECTED + Prot.RW, classes[10]);
        assertEquals(CellClass.PROTECTED + Prot.RX, classes[790]);
    }

    @Test
    void aSinglePageStaysVisibleInAHugeIsland() {
        List<Region> regions = new ArrayList<>();
        regions.add(region(0x40000000L, 4096, Prot.NONE));
        regions.add(region(0x40000000L + 513 * 4096, 4096, Prot.RWX)); // inside cell 50 of 100
        regions.add(region(0x40000000L + 1024 * 4096, 4096, Prot.NONE));
        MapLayout layout = new MapLayout(regions, 1L << 40);
        byte[] classes = MapRaster.classify(layout, 0, layout.virtualLength(), 100);
        int rwx = 0;
        for (byte code : classes) {
            if (code == CellClass.PROTECTED + Prot.RWX) {
                rwx++;
            }
        }
        assertEquals(1, rwx, "one cell for the one RWX page");
    }

    @Test
    void zoomKeepsTheAnchorInPlace() {
        MapViewport viewport = new MapViewport();
        viewport.zoom(4, 0.5);
        assertEquals(0.375, viewport.from(), 1e-9);
        assertEquals(0.625, viewport.to(), 1e-9);
        viewport.pan(-10);
        assertEquals(0, viewport.from(), 1e-9, "panning stops at the start of the axis");
        viewport.reset();
        assertTrue(viewport.isWhole());
    }

    @Test
    void painterUsesTheProtectionColourAndMarksConflicts() {
        MapGeometry geometry = MapGeometry.forCanvas(400, 100);
        byte[] classes = new byte[geometry.cells()];
        java.util.Arrays.fill(classes, (byte) (CellClass.PROTECTED + Prot.READ));
        java.util.BitSet conflicts = new java.util.BitSet();
        conflicts.set(5);
        int[] pixels = MapPainter.paint(geometry, classes, conflicts, new java.util.BitSet());
        int y = geometry.rowTop(0) + geometry.bandHeight() / 2;
        assertEquals(MapColors.ofProt(Prot.READ), pixels[y * 400 + geometry.cellX(20)]);
        assertEquals(MapColors.CONFLICT, pixels[geometry.rowTop(0) * 400 + geometry.cellX(5)]);
    }
}
