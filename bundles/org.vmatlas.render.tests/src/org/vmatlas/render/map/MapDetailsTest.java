package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Prot;

/** The small things of the map: borders between regions of one colour, thin regions under the pointer, the legend's swatches. */
class MapDetailsTest {

    private static final long MIB = 1L << 20;
    private static final int RW_GREEN = 0x54A24B;
    private static final int RW_GREEN_BORDER = 0x2E5929;
    private static final int BACKGROUND = 0xF5F5F2;
    private static final int BREAK_STROKE = 0x8A8A84;

    static Region file(long start, long length, int prot, String path) {
        return new Region(start, start + length, prot, Prot.RWX, false,
                new Backing(Backing.Kind.FILE, path, 8, 1234, 0), RegionState.READY, true, "");
    }

    private static MapFrame frame(List<Region> regions, int width, int height) {
        return new MapFrame(MapLayout.of(regions), MapGeometry.forCanvas(width, height), new MapViewport(), List.of(),
                List.of());
    }

    @Test
    void neighboursOfOneColourAreParted() {
        List<Region> regions = List.of(MapLayoutTest.region(0x40000000L, 4 * MIB, Prot.RW),
                MapLayoutTest.region(0x40400000L, 4 * MIB, Prot.RW));
        MapFrame frame = frame(regions, 1000, 60);
        int cell = frame.cellOfAddress(0x40400000L);
        MapGeometry geometry = frame.geometry();
        int y = geometry.cellY(cell) + geometry.bandHeight() / 2;
        assertEquals(RW_GREEN_BORDER, frame.pixel(geometry.cellX(cell), y), "the border where the second region starts");
        assertEquals(RW_GREEN, frame.pixel(geometry.cellX(cell) + 5, y), "the region itself right after it");
        assertEquals(RW_GREEN, frame.pixel(geometry.cellX(cell) - 5, y), "and before it");
    }

    @Test
    void aThinRegionIsFoundFromNearbyPixels() {
        List<Region> regions = new ArrayList<>();
        regions.add(MapLayoutTest.region(0x40000000L, 4096, Prot.RX));
        regions.add(MapLayoutTest.region(0x40000000L + 1000 * 4096L, 4096, Prot.RW));
        MapLayout layout = new MapLayout(regions, 1L << 40);
        MapFrame frame = new MapFrame(layout, MapGeometry.forCanvas(400, 60), new MapViewport(), List.of(), List.of());
        int cell = frame.cellOfAddress(0x40000000L + 1000 * 4096L);
        assertEquals(1, frame.regionIndexNear(cell, 0));
        assertEquals(1, frame.regionIndexNear(cell - 3, 4), "three pixels to the left");
        assertEquals(-1, frame.regionIndexNear(cell - 30, 4), "too far");
        assertSame(regions.get(1), layout.regions().get(frame.regionIndexNear(cell - 2, 4)));
    }

    @Test
    void theGapSwatchIsDrawnAsTheMapDrawsAGap() {
        Legend.Entry gap = Legend.entries().stream().filter(Legend.Entry::isBreak).findFirst().orElseThrow();
        int[] swatch = Legend.swatch(gap, 14, 14);
        assertEquals(BREAK_STROKE, swatch[0], "a stroke at the corner");
        assertEquals(BACKGROUND, swatch[5 * 14], "background between strokes");
        List<Region> regions = List.of(MapLayoutTest.region(0x10000000L, MIB, Prot.RW),
                MapLayoutTest.region(0x7f0000000000L, MIB, Prot.RW));
        MapFrame frame = frame(regions, 1000, 60);
        MapGeometry geometry = frame.geometry();
        int strokes = 0;
        int background = 0;
        for (int cell = 0; cell < geometry.columns(); cell++) {
            if (frame.classes()[cell] == CellClass.BREAK) {
                for (int y = 0; y < geometry.bandHeight(); y++) {
                    int rgb = frame.pixel(geometry.cellX(cell), geometry.rowTop(0) + y);
                    strokes += rgb == BREAK_STROKE ? 1 : 0;
                    background += rgb == BACKGROUND ? 1 : 0;
                }
            }
        }
        assertTrue(strokes > 0 && background > strokes, "the map's gap is strokes on the background: " + strokes + "/" + background);
        assertNotEquals(MapColors.BREAK, swatch[0], "not the flat grey the legend once showed");
    }

    @Test
    void theConflictSwatchIsAFreeCellWithABar() {
        Legend.Entry conflict = Legend.entries().getLast();
        int[] swatch = Legend.swatch(conflict, 14, 14);
        assertEquals(0xD62728, swatch[0], "the red bar on top");
        assertEquals(0xE3E3DE, swatch[13 * 14], "a free cell below it, never a protection's colour");
    }

    @Test
    void aLongNameIsShortenedToFitAndASizeNever() {
        java.util.function.ToIntFunction<String> sixEach = text -> 6 * text.length();
        assertEquals("libpthread.so.0", MapLabels.fitting("libpthread.so.0", 90, sixEach));
        assertEquals("libpthread", MapLabels.fitting("libpthread.so.0", 60, sixEach), "the .so suffix goes first");
        assertEquals("libpt\u2026", MapLabels.fitting("libpthread.so.0", 40, sixEach));
        assertEquals(null, MapLabels.fitting("libpthread.so.0", 20, sixEach), "fewer than four letters say nothing");
        assertEquals(null, MapLabels.fitting("768 MiB reserved", 60, sixEach), "a size is whole or absent");
    }
}
