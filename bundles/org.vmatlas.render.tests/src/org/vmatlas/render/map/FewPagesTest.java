package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;

/** A map of a few pages shows each page once: a row is never less than a page, no address repeats. */
class FewPagesTest {

    @Test
    void threePagesTakeThreeRowsWithThreeAddresses() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, MapFrame.PAGE, Prot.READ, "r");
        SimulatedSessions.map(session, base + MapFrame.PAGE, MapFrame.PAGE, Prot.RX, "x");
        SimulatedSessions.map(session, base + 2 * MapFrame.PAGE, MapFrame.PAGE, Prot.RW, "w");
        MapGeometry geometry = MapGeometry.forCanvas(1000, 400);
        assertTrue(geometry.rows() > 3, "a canvas of more rows than pages: " + geometry.rows());
        MapFrame frame = new MapFrame(MapLayout.of(session.space().regions()), geometry, new MapViewport(), List.of(),
                List.of());
        List<Long> labels = new ArrayList<>();
        for (int row = 0; row < geometry.rows(); row++) {
            long address = frame.addressOfCell(row * geometry.columns());
            if (address > 0) {
                labels.add(address & ~0xFFFL);
            }
        }
        assertEquals(List.of(base, base + MapFrame.PAGE, base + 2 * MapFrame.PAGE), labels, "one row a page");
        Set<Byte> lastRows = new HashSet<>();
        for (int cell = 3 * geometry.columns(); cell < geometry.cells(); cell++) {
            lastRows.add(frame.classes()[cell]);
        }
        assertEquals(Set.of(CellClass.FREE), lastRows, "the rows below the pages are empty");
        int below = 5 * geometry.columns() + 10;
        assertEquals(0xF5F5F2, frame.pixel(geometry.cellX(below), geometry.cellY(below) + 3),
                "past the last page there is no address: background, not free memory");
    }

    @Test
    void zoomStopsAtAPageARow() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, SimulatedSessions.BASE, 1L << 30, Prot.RW, "big");
        MapGeometry geometry = MapGeometry.forCanvas(1000, 400);
        MapFrame frame = new MapFrame(MapLayout.of(session.space().regions()), geometry, new MapViewport(), List.of(),
                List.of());
        double minimum = frame.minimumSpan();
        assertEquals((double) geometry.rows() * MapFrame.PAGE / (1L << 30), minimum, 1e-15);
        MapViewport viewport = new MapViewport();
        viewport.zoom(1e12, 0.5, minimum);
        assertEquals(minimum, viewport.to() - viewport.from(), 1e-15, "no deeper than a page a row");
        viewport.zoom(0.5, 0.5, minimum);
        assertEquals(2 * minimum, viewport.to() - viewport.from(), 1e-15, "one step out is one step out");
    }
}
