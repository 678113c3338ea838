package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/** The Hilbert overview: a true curve (every step to a neighbour, every cell once) and pixels that find their region. */
class HilbertFrameTest {

    @Test
    void theCurveVisitsEveryCellOnceMovingToANeighbourEachStep() {
        int n = 64;
        boolean[][] seen = new boolean[n][n];
        int[] previous = HilbertFrame.point(n, 0);
        for (int d = 0; d < n * n; d++) {
            int[] at = HilbertFrame.point(n, d);
            assertEquals(false, seen[at[0]][at[1]], "cell visited twice at d=" + d);
            seen[at[0]][at[1]] = true;
            assertEquals(d, HilbertFrame.distance(n, at[0], at[1]), "inverse at d=" + d);
            if (d > 0) {
                assertEquals(1, Math.abs(at[0] - previous[0]) + Math.abs(at[1] - previous[1]), "step " + d);
            }
            previous = at;
        }
    }

    @Test
    void pixelsShowAndFindTheirRegions() {
        long mib = 1L << 20;
        List<Region> regions = List.of(MapLayoutTest.region(0x40000000L, 4 * mib, Prot.RW),
                MapLayoutTest.region(0x40400000L, 4 * mib, Prot.RX));
        MapLayout layout = MapLayout.of(regions);
        HilbertFrame frame = new HilbertFrame(layout, 600, 400, new MapViewport());
        for (Region region : regions) {
            long middle = region.start() + (region.end() - region.start()) / 2;
            int[] at = frame.pixelOf(middle);
            assertNotNull(at, "0x" + Long.toHexString(middle) + " is drawn");
            assertEquals(MapColors.ofProt(region.prot()), frame.pixels()[at[1] * frame.width() + at[0]]);
            assertSame(region, layout.regionAt(frame.addressOfCell(frame.cellAt(at[0], at[1]))));
        }
    }

    @Test
    void aConflictBarsItsCellsTopAndLeavesTheirColour() {
        long mib = 1L << 20;
        List<Region> regions = List.of(MapLayoutTest.region(0x40000000L, 8 * mib, Prot.RW));
        MapLayout layout = MapLayout.of(regions);
        var conflict = new org.vmatlas.model.Conflict(org.vmatlas.model.ConflictKind.FIXED_REPLACED_LIVE,
                0x40000000L + 4 * mib, 0x40000000L + 5 * mib, "test");
        HilbertFrame marked = new HilbertFrame(layout, 400, 400, new MapViewport(), List.of(conflict));
        assertTrue(marked.cellSize() >= 3, "cells large enough for a bar: " + marked.cellSize());
        int[] inside = marked.pixelOf(0x40000000L + 4 * mib + mib / 2);
        int topOfCell = inside[1] - marked.cellSize() / 2;
        assertEquals(Integer.toHexString(MapColors.CONFLICT),
                Integer.toHexString(marked.pixels()[topOfCell * marked.width() + inside[0]]), "the bar");
        assertEquals(Integer.toHexString(MapColors.ofProt(Prot.RW)),
                Integer.toHexString(marked.pixels()[inside[1] * marked.width() + inside[0]]), "rw- stays rw- below it");
        int[] outside = marked.pixelOf(0x40000000L + mib / 2);
        assertEquals(MapColors.ofProt(Prot.RW), marked.pixels()[outside[1] * marked.width() + outside[0]]);
        assertEquals(MapColors.ofProt(Prot.RW),
                marked.pixels()[(outside[1] - marked.cellSize() / 2) * marked.width() + outside[0]], "no bar without a conflict");
    }
}
