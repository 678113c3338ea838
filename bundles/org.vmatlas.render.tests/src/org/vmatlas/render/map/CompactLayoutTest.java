package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/** The compact scale: every region readable whatever its size, huge ones cut with their size said. */
class CompactLayoutTest {

    private static final long GIB = 1L << 30;

    /** A JVM-like map: a 4 GiB reservation, then a hundred small libraries of four regions each. */
    static List<Region> jvmLike() {
        List<Region> regions = new ArrayList<>();
        regions.add(MapLayoutTest.region(0x600000000L, 4 * GIB, Prot.NONE));
        long at = 0x7f0000000000L;
        for (int lib = 0; lib < 100; lib++) {
            String path = "/usr/lib/x86_64-linux-gnu/libexample" + lib + ".so";
            int[] prots = { Prot.READ, Prot.RX, Prot.READ, Prot.RW };
            for (int prot : prots) {
                regions.add(MapDetailsTest.file(at, 4096 * (prot == Prot.RX ? 16 : 1), prot, path));
                at += 4096 * (prot == Prot.RX ? 16 : 1);
            }
            at += 64 * 4096;
        }
        return regions;
    }

    @Test
    void everyRegionGetsCellsAtFirstSight() {
        List<Region> regions = jvmLike();
        MapFrame frame = new MapFrame(MapLayout.of(regions, MapLayout.Scale.COMPACT), MapGeometry.forCanvas(1200, 500),
                new MapViewport(), List.of(), List.of());
        double cellLength = (frame.viewEnd() - frame.viewStart()) / frame.geometry().cells();
        MapLayout layout = frame.layout();
        for (int i = 0; i < regions.size(); i++) {
            double cells = (layout.regionTo(i) - layout.regionFrom(i)) / cellLength;
            assertTrue(cells >= 3, "region " + i + " gets " + cells + " cells");
        }
        MapFrame bytes = new MapFrame(MapLayout.of(regions), MapGeometry.forCanvas(1200, 500), new MapViewport(),
                List.of(), List.of());
        double byteCell = (bytes.viewEnd() - bytes.viewStart()) / bytes.geometry().cells();
        assertTrue((bytes.layout().regionTo(1) - bytes.layout().regionFrom(1)) / byteCell < 1,
                "true to size, a library page is less than a pixel");
    }

    @Test
    void aHugeReservationIsCutWithItsSize() {
        MapLayout layout = MapLayout.of(jvmLike(), MapLayout.Scale.COMPACT);
        List<MapLayout.Segment> cuts = layout.segments().stream().filter(s -> s.kind() == MapLayout.Kind.CUT).toList();
        assertEquals(1, cuts.size());
        assertEquals("3 GiB reserved", MapLabels.breakText(layout, cuts.getFirst()), "the middle three quarters");
        long probe = 0x600000000L + 3 * GIB;
        assertEquals(probe, layout.addressAt(layout.virtualOf(probe)), 2.0, "addresses survive the round trip");
    }

    @Test
    void librariesAreNamedOnTheMap() {
        MapFrame frame = new MapFrame(MapLayout.of(jvmLike(), MapLayout.Scale.COMPACT), MapGeometry.forCanvas(1366, 600),
                new MapViewport(), List.of(), List.of());
        List<MapLabels.Label> labels = MapLabels.place(frame, text -> 6 * text.length());
        Set<String> texts = labels.stream().map(MapLabels.Label::text).collect(Collectors.toSet());
        assertTrue(texts.contains("libexample7.so"), "a library by its file name: " + texts);
        assertTrue(texts.contains("3 GiB reserved"), "the cut says its size: " + texts);
        assertTrue(texts.size() >= 50, "most of the hundred libraries are named: " + texts.size());
        for (MapLabels.Label label : labels) {
            assertTrue(6 * label.text().length() <= label.width(), "fits: " + label);
        }
    }
}
