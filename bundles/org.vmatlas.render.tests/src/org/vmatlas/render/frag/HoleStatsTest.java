package org.vmatlas.render.frag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Prot;

class HoleStatsTest {

    private static final long PAGE = SimulatedSessions.PAGE;
    private static final long BASE = SimulatedSessions.BASE;

    /** Free runs of pages in [from, to), found page by page with regionAt: an oracle independent of HoleStats. */
    private static List<long[]> holesByPages(AddressSpace space, long from, long to) {
        List<long[]> holes = new ArrayList<>();
        long runStart = -1;
        for (long page = from; page <= to; page += PAGE) {
            boolean free = page < to && space.regionAt(page) == null;
            if (free && runStart < 0) {
                runStart = page;
            } else if (!free && runStart >= 0) {
                holes.add(new long[] { runStart, page - runStart });
                runStart = -1;
            }
        }
        return holes;
    }

    @Test
    void randomLayoutAgreesWithPageWalk() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        Random random = new Random(42);
        long pages = 512;
        for (int i = 0; i < 120; i++) {
            long at = BASE + random.nextLong(pages) * PAGE;
            long length = (1 + random.nextLong(12)) * PAGE;
            if (random.nextInt(3) == 0) {
                session.apply(new Call.Munmap(at, length));
            } else {
                SimulatedSessions.map(session, at, length, random.nextBoolean() ? Prot.RW : Prot.READ, null);
            }
        }
        AddressSpace space = session.space();
        long to = BASE + pages * PAGE;
        HoleStats stats = new HoleStats(space, BASE, to);
        List<long[]> expected = holesByPages(space, BASE, to);
        assertEquals(expected.size(), stats.holeCount());
        assertEquals(expected.stream().mapToLong(h -> h[1]).sum(), stats.freeBytes());
        long[] largest = expected.stream().reduce((a, b) -> b[1] > a[1] ? b : a).orElseThrow();
        assertEquals(largest[0], stats.largest().start());
        assertEquals(largest[1], stats.largest().length());
        long[] buckets = new long[64];
        expected.forEach(h -> buckets[63 - Long.numberOfLeadingZeros(h[1])]++);
        for (int k = 0; k < 64; k++) {
            assertEquals(buckets[k], stats.count(k), "bucket 2^" + k);
        }
    }

    @Test
    void withoutSandboxBoundsAreFirstAndLastRegion() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, BASE, PAGE, Prot.READ, null);
        SimulatedSessions.map(session, BASE + 3 * PAGE, PAGE, Prot.RW, null);
        SimulatedSessions.map(session, BASE + 12 * PAGE, 2 * PAGE, Prot.READ, null);
        HoleStats stats = HoleStats.forSession(session.space(), session.arena());
        assertEquals(BASE, stats.from());
        assertEquals(BASE + 14 * PAGE, stats.to());
        assertEquals(2, stats.holeCount());
        assertEquals(new HoleStats.Hole(BASE + 4 * PAGE, 8 * PAGE), stats.largest());
        assertEquals(1, stats.count(HoleStats.bucketOf(2 * PAGE)));
        assertEquals(1, stats.count(HoleStats.bucketOf(8 * PAGE)));
        assertEquals(HoleStats.bucketOf(2 * PAGE), stats.firstBucket());
        assertEquals(HoleStats.bucketOf(8 * PAGE), stats.lastBucket());
    }

    @Test
    void emptySpaceHasNoHoles() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        HoleStats stats = HoleStats.forSession(session.space(), session.arena());
        assertEquals(0, stats.holeCount());
        assertNull(stats.largest());
        assertEquals(-1, stats.firstBucket());
    }

    @Test
    void regionsOutsideBoundsAreClipped() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, BASE, 4 * PAGE, Prot.READ, null);
        HoleStats stats = new HoleStats(session.space(), BASE + 2 * PAGE, BASE + 10 * PAGE);
        assertEquals(new HoleStats.Hole(BASE + 4 * PAGE, 6 * PAGE), stats.largest());
        assertEquals(1, stats.holeCount());
        assertThrows(IllegalArgumentException.class, () -> new HoleStats(session.space(), 10, 5));
    }

    @Test
    void sandboxBoundsAreTheArena() {
        RegionModelService models = SimulatedSessions.service();
        OpenedSession opened = models.open("native", new KernelSpec.NativeSandbox(64L << 20));
        assertTrue(opened.isOpen(), opened::reason);
        Session session = opened.session();
        try {
            AddressRange arena = session.arena();
            long at = arena.start() + (16L << 20);
            SimulatedSessions.map(session, at, PAGE, Prot.RW, null);
            HoleStats stats = HoleStats.forSession(session.space(), session.arena());
            assertEquals(arena.start(), stats.from());
            assertEquals(arena.end(), stats.to());
            assertEquals(2, stats.holeCount());
            assertEquals(new HoleStats.Hole(at + PAGE, arena.end() - at - PAGE), stats.largest());
            assertEquals(arena.end() - arena.start() - PAGE, stats.freeBytes());
        } finally {
            models.close(session);
        }
    }
}
