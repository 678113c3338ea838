package org.vmatlas.sources.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;

class ResidencyHistoryTest {

    private static final long S = 1_000_000_000L;
    private static final long MIB = 1L << 20;

    static SmapsEntry entry(long start, String path, long rss) {
        Mapping m = new Mapping(start, start + 256 * MIB, 3, 7, false, 0, 0, path.isEmpty() ? 0 : 42, path);
        return new SmapsEntry(m, new MemoryCounters(256 * MIB, rss, rss / 2, 0, 0, 0, rss / 4, 0, 0), false);
    }

    @Test
    void ranksRegionsByWhatTheyGainedOverTheWindow() {
        ResidencyHistory history = new ResidencyHistory();
        for (int t = 0; t <= 120; t++) {
            history.add(t * S, List.of(entry(0x1000_0000L, "", t * MIB), // a steady leak: 1 MiB a second
                    entry(0x3000_0000L, "/usr/lib/libc.so.6", 2 * MIB), // flat
                    entry(0x5000_0000L, "", t < 100 ? 0 : 50 * MIB))); // a jump 20 s ago
        }
        List<Growth> lastMinute = history.strongestGrowers(Duration.ofSeconds(60), 5);
        assertEquals(2, lastMinute.size(), "the flat region is not a grower: " + lastMinute);
        assertEquals(0x1000_0000L, lastMinute.get(0).region().start());
        assertEquals(60 * MIB, lastMinute.get(0).rssDelta());
        assertEquals("grew 60.0 MiB in 60 s", lastMinute.get(0).describe());
        assertEquals(50 * MIB, lastMinute.get(1).rssDelta());
        List<Growth> lastTen = history.strongestGrowers(Duration.ofSeconds(10), 1);
        assertEquals(1, lastTen.size());
        assertEquals(10 * MIB, lastTen.get(0).rssDelta(), "the jump is older than ten seconds");
        List<Growth> sinceStart = history.strongestGrowers(Duration.ofHours(1), 5);
        assertEquals(120 * MIB, sinceStart.get(0).rssDelta(), "a window older than the history counts from its start");
        assertEquals(121, history.totals().size());
        assertEquals((120 + 2 + 50) * MIB, history.totals().getLast().rss());
    }

    @Test
    void anAnonymousRegionGrowingDownwardsStaysOneRegionWithItsWholeHistory() {
        ResidencyHistory history = new ResidencyHistory();
        long end = 0x7f00_0000_0000L;
        for (int t = 0; t <= 10; t++) {
            long start = end - (t + 1) * 4 * MIB; // a 4 MiB mapping placed just below every second merges into it
            Mapping m = new Mapping(start, end, 3, 7, false, 0, 0, 0, "");
            long rss = (t + 1) * 4 * MIB;
            history.add(t * S, List.of(new SmapsEntry(m, new MemoryCounters(end - start, rss, rss, 0, 0, 0, rss, 0, 0),
                    false)));
        }
        List<Growth> growth = history.strongestGrowers(Duration.ofSeconds(60), 5);
        assertEquals(1, growth.size(), growth.toString());
        assertEquals(end - 44 * MIB, growth.getFirst().region().start(), "the region as last sampled");
        assertEquals(40 * MIB, growth.getFirst().rssDelta());
        assertEquals("grew 40.0 MiB in 10 s", growth.getFirst().describe(), "over the whole run, not since the last move");
    }

    @Test
    void theLatestSampleListsEveryRegionWithItsFigures() {
        ResidencyHistory history = new ResidencyHistory();
        history.add(0, List.of(entry(0x1000_0000L, "", MIB), entry(0x3000_0000L, "/usr/lib/libc.so.6", 2 * MIB)));
        history.add(S, List.of(entry(0x1000_0000L, "", 5 * MIB), entry(0x3000_0000L, "/usr/lib/libc.so.6", 2 * MIB)));
        var latest = history.latestRegions().stream()
                .sorted(java.util.Comparator.comparingLong(r -> r.region().start())).toList();
        assertEquals(2, latest.size());
        assertEquals(5 * MIB, latest.get(0).figures().rss());
        assertEquals(2 * MIB, latest.get(1).figures().rss(), "unchanged figures are the latest too");
        assertEquals("/usr/lib/libc.so.6", latest.get(1).region().path());
    }

    @Test
    void theUpperPartOfARegionCutInTwoIsANewRegion() {
        ResidencyHistory history = new ResidencyHistory();
        history.add(0, List.of(entry(0x1000_0000L, "", 100 * MIB)));
        Mapping lower = new Mapping(0x1000_0000L, 0x1800_0000L, 3, 7, false, 0, 0, 0, "");
        Mapping upper = new Mapping(0x1800_0000L, 0x2000_0000L, 1, 7, false, 0, 0, 0, "");
        history.add(10 * S, List.of(new SmapsEntry(lower, new MemoryCounters(128 * MIB, 50 * MIB, 50 * MIB, 0, 0, 0, 0, 0, 0), false),
                new SmapsEntry(upper, new MemoryCounters(128 * MIB, 50 * MIB, 50 * MIB, 0, 0, 0, 0, 0, 0), false)));
        List<Growth> growth = history.strongestGrowers(Duration.ofSeconds(5), 5);
        assertEquals(1, growth.size(), "only the upper part is new (born 0 s ago): " + growth);
        assertEquals(0x1800_0000L, growth.getFirst().region().start());
    }

    @Test
    void aRegionBornInsideTheWindowGrewFromNothing() {
        ResidencyHistory history = new ResidencyHistory();
        history.add(0, List.of(entry(0x1000_0000L, "", MIB)));
        history.add(30 * S, List.of(entry(0x1000_0000L, "", MIB), entry(0x2000_0000L, "", 8 * MIB)));
        Growth g = history.strongestGrowers(Duration.ofSeconds(60), 5).getFirst();
        assertEquals(0x2000_0000L, g.region().start());
        assertEquals(8 * MIB, g.rssDelta());
    }

    @Test
    void anotherObjectAtTheSameAddressStartsAfreshAndGoneRegionsLeave() {
        ResidencyHistory history = new ResidencyHistory();
        history.add(0, List.of(entry(0x1000_0000L, "/a", 10 * MIB)));
        history.add(S, List.of(entry(0x1000_0000L, "/b", 12 * MIB)));
        Growth g = history.strongestGrowers(Duration.ofSeconds(60), 5).getFirst();
        assertEquals(12 * MIB, g.rssDelta(), "/b was born at 1 s: it grew from nothing, not from /a's 10 MiB");
        history.add(2 * S, List.of());
        assertEquals(0, history.regions());
        assertTrue(history.strongestGrowers(Duration.ofSeconds(60), 5).isEmpty());
    }

    @Test
    void aRegionThatChangesEverySampleIsKeptInBoundedPointsThatStillReachItsStart() {
        ResidencyHistory history = new ResidencyHistory();
        for (int t = 0; t < 10 * RegionSeries.CAPACITY; t++) {
            history.add(t * S, List.of(entry(0x1000_0000L, "", t * MIB)));
        }
        int last = 10 * RegionSeries.CAPACITY - 1;
        Growth all = history.strongestGrowers(Duration.ofHours(1), 1).getFirst();
        assertEquals(last * MIB, all.rssDelta(), "from the first sample, which thinning keeps");
        Growth recent = history.strongestGrowers(Duration.ofSeconds(10), 1).getFirst();
        assertEquals(10 * MIB, recent.rssDelta(), "the newer half is kept point by point");
        assertEquals("grew 10.0 MiB in 10 s", recent.describe());
        Growth older = history.strongestGrowers(Duration.ofSeconds(300), 1).getFirst();
        assertTrue(older.rssDelta() >= 300 * MIB && older.seconds() >= 300,
                "a coarse stretch is told over the time it really spans: " + older.describe());
        assertEquals(older.rssDelta() / MIB, Math.round(older.seconds()), "1 MiB a second, whatever the span");
    }

    @Test
    void totalsAreBoundedAndTimeMayNotGoBack() {
        ResidencyHistory history = new ResidencyHistory();
        List<SmapsEntry> none = new ArrayList<>();
        for (long t = 0; t < ResidencyHistory.TOTALS_CAPACITY + 10; t++) {
            history.add(t, none);
        }
        assertEquals(ResidencyHistory.TOTALS_CAPACITY, history.totals().size());
        assertEquals(10, history.totals().getFirst().timeNanos(), "the oldest ten were dropped");
        assertEquals(ResidencyHistory.TOTALS_CAPACITY + 10, history.samples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> history.add(5, none));
        assertTrue(e.getMessage().contains("older than the last one"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> history.strongestGrowers(Duration.ofSeconds(-1), 3));
    }
}
