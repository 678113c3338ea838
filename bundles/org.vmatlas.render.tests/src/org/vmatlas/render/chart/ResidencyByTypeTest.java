package org.vmatlas.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.owners.RegionType;

/** Resident bytes by type over time stay under their bound, the latest kept, the oldest dropped. */
class ResidencyByTypeTest {

    private static final long MIB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;

    private static long[] point(long heap, long stack) {
        long[] bytes = new long[RegionType.values().length];
        bytes[RegionType.HEAP.ordinal()] = heap;
        bytes[RegionType.STACK.ordinal()] = stack;
        return bytes;
    }

    @Test
    void pointsKeepTheirTypesAndTimes() {
        ResidencyByType history = new ResidencyByType();
        history.add(0, point(4 * MIB, MIB));
        history.add(2 * SECOND, point(40 * MIB, MIB));
        assertEquals(2, history.size());
        assertEquals(40 * MIB, history.rss(RegionType.HEAP, 1));
        assertEquals(MIB, history.rss(RegionType.STACK, 0));
        assertEquals(0, history.rss(RegionType.IMAGE, 1));
        assertEquals(2 * SECOND, history.timeNanos(1));
        assertEquals(List.of(RegionType.HEAP, RegionType.STACK), history.typesSeen());
    }

    @Test
    void aLongRunDropsTheOldestAndStaysUnderTheBound() {
        ResidencyByType history = new ResidencyByType(1000);
        int points = 5000;
        for (int i = 0; i < points; i++) {
            history.add(i * 2 * SECOND, point(i * MIB, 0));
        }
        assertEquals(1000, history.size());
        assertEquals((points - 1000) * 2 * SECOND, history.timeNanos(0), "the oldest kept");
        assertEquals((points - 1) * MIB, history.rss(RegionType.HEAP, 999), "the latest kept");
        for (int i = 1; i < history.size(); i++) {
            assertEquals(history.rss(RegionType.HEAP, i - 1) + MIB, history.rss(RegionType.HEAP, i), "in order at " + i);
        }
        assertTrue(history.retainedBytes() <= 1000L * (RegionType.values().length + 1) * Long.BYTES,
                history.retainedBytes() + " bytes");
        ResidencyByType full = new ResidencyByType();
        for (int i = 0; i < ResidencyByType.CAPACITY + 10; i++) {
            full.add(i, point(MIB, 0));
        }
        assertEquals(ResidencyByType.CAPACITY, full.size());
        assertTrue(full.retainedBytes() <= ResidencyByType.MAX_RETAINED_BYTES, full.retainedBytes() + " bytes");
    }

    @Test
    void timeMayNotGoBack() {
        ResidencyByType history = new ResidencyByType();
        history.add(5 * SECOND, point(MIB, 0));
        var error = assertThrows(IllegalArgumentException.class, () -> history.add(SECOND, point(MIB, 0)));
        assertTrue(error.getMessage().contains("older than the last one"), error.getMessage());
    }
}
