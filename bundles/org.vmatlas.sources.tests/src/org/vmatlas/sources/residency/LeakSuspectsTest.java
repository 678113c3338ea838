package org.vmatlas.sources.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/** Only the few strongest growers that grew by a real amount are marked as leak suspects. */
class LeakSuspectsTest {

    private static final long MIB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;

    private static Growth grew(long start, long bytes) {
        Mapping region = new Mapping(start, start + 64 * MIB, Prot.RW, Prot.RWX, false, 0, 0, 0, "");
        return new Growth(region, new Figures(0, 0, 0, 0, 0), new Figures(2 * SECOND, bytes, bytes, bytes, 0));
    }

    @Test
    void theThreeStrongestAboveTheThresholdStrongestFirst() {
        List<Growth> ranking = List.of(grew(0x1000000, 5 * MIB), grew(0x9000000, 40 * MIB), grew(0x5000000, 2 * MIB),
                grew(0xd000000, MIB - 4096), grew(0x11000000, 3 * MIB), grew(0x15000000, MIB));
        List<Long> starts = LeakSuspects.among(ranking).stream().map(g -> g.region().start()).toList();
        assertEquals(List.of(0x9000000L, 0x1000000L, 0x11000000L), starts);
    }

    @Test
    void smallGrowthIsNoSuspect() {
        assertEquals(List.of(), LeakSuspects.among(List.of(grew(0x1000000, MIB - 4096), grew(0x5000000, 8192))));
        assertEquals(1, LeakSuspects.among(List.of(grew(0x1000000, MIB))).size(), "exactly the threshold counts");
    }

    @Test
    void theMarkSaysHowMuchAndHowFast() {
        assertEquals("leak suspect: grew 40.0 MiB in 2 s", LeakSuspects.describe(grew(0x9000000, 40 * MIB)));
    }
}
