package org.vmatlas.sources.residency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;

/**
 * A process's residency over time, bounded whatever the run's length: the process's totals for the last
 * {@link #TOTALS_CAPACITY} samples (a day at 1 Hz, 3.5 MB), and per region at most 64
 * points, fine near now and thinned further back, always reaching the region's first sample. An anonymous
 * region that grows downwards (new mappings placed just below it merge into it, as with every large
 * allocation of many runtimes) stays one region, though its start moves. A region that leaves the process leaves the history, so the
 * regions kept are never more than the process has (at most {@code vm.max_map_count}). Thread-safe: a
 * sampler adds while the workbench reads.
 */
public final class ResidencyHistory {

    /** Samples of the totals kept: 24 hours at one a second. */
    public static final int TOTALS_CAPACITY = 86_400;

    private final Figures[] totals = new Figures[TOTALS_CAPACITY];
    private int totalsFirst;
    private int totalsSize;
    private long samples;
    private final Map<Long, RegionSeries> regions = new HashMap<>();

    /** Adds one reading of {@code /proc/PID/smaps} made at {@code timeNanos} (times must not go back). */
    public synchronized void add(long timeNanos, List<SmapsEntry> entries) {
        if (totalsSize > 0 && timeNanos < latestTotals().timeNanos()) {
            throw new IllegalArgumentException("a residency sample at " + timeNanos + " ns is older than the last one, at "
                    + latestTotals().timeNanos() + " ns");
        }
        MemoryCounters sum = MemoryCounters.ZERO;
        Map<Long, RegionSeries> seen = new HashMap<>(entries.size() * 2);
        Map<Long, RegionSeries> byEnd = byEnd();
        for (SmapsEntry entry : entries) {
            sum = sum.plus(entry.counters());
            RegionSeries series = regions.get(entry.mapping().start());
            if (series != null && series.sameRegion(entry.mapping())) {
                byEnd.remove(series.region().end(), series);
            } else {
                RegionSeries below = byEnd.remove(entry.mapping().end());
                series = below != null && below.grewDownTo(entry.mapping()) ? below
                        : new RegionSeries(entry.mapping(), samples == 0 ? Long.MIN_VALUE : timeNanos);
            }
            series.add(entry.mapping(), Figures.of(timeNanos, entry.counters()));
            seen.put(entry.mapping().start(), series);
        }
        regions.clear();
        regions.putAll(seen);
        addTotals(Figures.of(timeNanos, sum));
        samples++;
    }

    /** The regions of the last sample by their end, to follow an anonymous region that grew downwards. */
    private Map<Long, RegionSeries> byEnd() {
        Map<Long, RegionSeries> out = new HashMap<>(regions.size() * 2);
        for (RegionSeries series : regions.values()) {
            out.put(series.region().end(), series);
        }
        return out;
    }

    private void addTotals(Figures figures) {
        if (totalsSize == TOTALS_CAPACITY) {
            totalsFirst = (totalsFirst + 1) % TOTALS_CAPACITY;
            totalsSize--;
        }
        totals[(totalsFirst + totalsSize) % TOTALS_CAPACITY] = figures;
        totalsSize++;
    }

    private Figures latestTotals() {
        return totals[(totalsFirst + totalsSize - 1) % TOTALS_CAPACITY];
    }

    /** The process's totals, oldest first: one point a sample, the oldest dropped beyond a day. */
    public synchronized List<Figures> totals() {
        List<Figures> out = new ArrayList<>(totalsSize);
        for (int i = 0; i < totalsSize; i++) {
            out.add(totals[(totalsFirst + i) % TOTALS_CAPACITY]);
        }
        return out;
    }

    /** Samples added since the start, including those whose totals were since dropped. */
    public synchronized long samples() {
        return samples;
    }

    /** One region's figures in the last sample. */
    public record RegionSample(Mapping region, Figures figures) {
    }

    /** When the last sample was taken ({@link System#nanoTime()}), or 0 before the first. */
    public synchronized long latestTimeNanos() {
        return totalsSize == 0 ? 0 : latestTotals().timeNanos();
    }

    /**
     * Every region of the last sample with its figures, in no particular order; a region's figures carry the
     * time they were first seen as they are (unchanged figures are not recorded again).
     */
    public synchronized List<RegionSample> latestRegions() {
        List<RegionSample> out = new ArrayList<>(regions.size());
        for (RegionSeries series : regions.values()) {
            Figures latest = series.latest();
            if (latest != null) {
                out.add(new RegionSample(series.region(), latest));
            }
        }
        return out;
    }

    /** Regions of the last sample. */
    public synchronized int regions() {
        return regions.size();
    }

    /**
     * The regions that grew most over the last {@code window} (ending at the latest sample), strongest
     * first, at most {@code limit}; regions whose resident memory did not grow are left out. A region
     * present since the first sample counts from that sample when the window reaches further back.
     */
    public synchronized List<Growth> strongestGrowers(Duration window, int limit) {
        if (window == null || window.isNegative() || limit < 0) {
            throw new IllegalArgumentException("a growth ranking needs a window of zero or more and a limit of zero or more, not "
                    + window + " and " + limit);
        }
        if (totalsSize == 0) {
            return List.of();
        }
        long since = latestTotals().timeNanos() - window.toNanos();
        List<Growth> growth = new ArrayList<>();
        for (RegionSeries series : regions.values()) {
            Growth g = series.since(since);
            if (g != null && g.rssDelta() > 0) {
                growth.add(g);
            }
        }
        growth.sort(Comparator.comparingLong(Growth::rssDelta).reversed()
                .thenComparing(g -> g.region().start(), Long::compareUnsigned));
        return growth.size() > limit ? List.copyOf(growth.subList(0, limit)) : List.copyOf(growth);
    }
}
