package org.vmatlas.syscall.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class RangeSetTest {

    @Test
    void adjacentAndOverlappingRangesMerge() {
        RangeSet set = new RangeSet();
        set.add(10, 20);
        set.add(30, 40);
        set.add(20, 25);
        assertArrayEquals(new long[] { 10, 25, 30, 40 }, set.toArray());
        set.add(24, 31);
        assertArrayEquals(new long[] { 10, 40 }, set.toArray());
    }

    @Test
    void removeSplitsAndTrims() {
        RangeSet set = new RangeSet();
        set.add(0, 100);
        set.remove(40, 60);
        set.remove(90, 200);
        assertArrayEquals(new long[] { 0, 40, 60, 90 }, set.toArray());
        assertTrue(set.covers(0, 40));
        assertFalse(set.covers(30, 70));
        assertEquals(40, set.firstGap(30, 70));
        assertEquals(30, set.firstGap(30, 35) == 35 ? 30 : -1);
        assertTrue(set.intersects(39, 61));
        assertFalse(set.intersects(40, 60));
        assertArrayEquals(new long[] { 30, 40, 60, 70 }, set.within(30, 70));
    }

    @Test
    void agreesWithASetOfUnitsOnRandomChanges() {
        RangeSet set = new RangeSet();
        TreeSet<Long> units = new TreeSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            long s = random.nextInt(500);
            long e = s + 1 + random.nextInt(40);
            boolean add = random.nextBoolean();
            for (long u = s; u < e; u++) {
                if (add) {
                    units.add(u);
                } else {
                    units.remove(u);
                }
            }
            if (add) {
                set.add(s, e);
            } else {
                set.remove(s, e);
            }
            long qs = random.nextInt(540);
            long qe = qs + 1 + random.nextInt(30);
            long first = qe;
            for (long u = qs; u < qe; u++) {
                if (!units.contains(u)) {
                    first = u;
                    break;
                }
            }
            assertEquals(first == qe, set.covers(qs, qe), "covers at step " + i);
            assertEquals(first, set.firstGap(qs, qe), "first gap at step " + i);
            assertEquals(!units.subSet(qs, qe).isEmpty(), set.intersects(qs, qe), "intersects at step " + i);
        }
        long[] flat = set.toArray();
        long count = 0;
        for (int i = 0; i < flat.length; i += 2) {
            assertTrue(i == 0 || flat[i] > flat[i - 1], "ranges stay apart");
            count += flat[i + 1] - flat[i];
        }
        assertEquals(units.size(), count);
    }
}
