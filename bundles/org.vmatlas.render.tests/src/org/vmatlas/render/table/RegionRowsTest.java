package org.vmatlas.render.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;

class RegionRowsTest {

    private final AddressSpace space;

    RegionRowsTest() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.mapCycle(session, 30, 1);
        SimulatedSessions.map(session, SimulatedSessions.BASE + 100 * SimulatedSessions.PAGE, 5 * SimulatedSessions.PAGE,
                Prot.RW, "big");
        space = session.space();
    }

    @Test
    void sortsBySizeDescendingWithAddressTieBreak() {
        RegionRows rows = new RegionRows(space, ProtPattern.all(), RegionColumn.SIZE, false);
        assertEquals(31, rows.size(), "30 one-page regions and the big one");
        assertEquals("big", rows.region(0).label());
        for (int row = 2; row < rows.size(); row++) {
            Region before = rows.region(row - 1);
            Region here = rows.region(row);
            assertTrue(before.length() > here.length()
                    || before.length() == here.length() && before.start() < here.start(), row + ": " + here);
        }
    }

    @Test
    void sortsByLabelText() {
        RegionRows rows = new RegionRows(space, ProtPattern.all(), RegionColumn.LABEL, true);
        assertEquals(31, rows.size());
        for (int row = 1; row < rows.size(); row++) {
            assertTrue(RegionColumn.LABEL.text(rows.region(row - 1)).compareTo(RegionColumn.LABEL.text(rows.region(row))) <= 0);
        }
    }

    @Test
    void rowOfAddressFollowsFilterAndOrder() {
        RegionRows rows = new RegionRows(space, ProtPattern.parse("rw"), RegionColumn.START, false);
        // protections cycle r--, rw-, r-x, ---: rw- at 1, 5, ..., 29 (8 regions), and the big one
        assertEquals(9, rows.size());
        for (int row = 0; row < rows.size(); row++) {
            Region region = rows.region(row);
            assertEquals(Prot.RW, region.prot());
            assertEquals(row, rows.rowOfAddress(region.start() + 1));
        }
        assertEquals(-1, rows.rowOfAddress(space.start(0)), "r-- region is filtered out");
        assertEquals(5 * SimulatedSessions.PAGE + 4096, rows.bytes(new int[] { 0, rows.rowOfAddress(space.start(1)) }));
    }

    @Test
    void noSpaceIsNoRows() {
        RegionRows rows = new RegionRows(null, ProtPattern.all(), RegionColumn.PROT, true);
        assertEquals(0, rows.size());
        assertEquals(-1, rows.rowOfAddress(0x1000));
    }
}
