package org.vmatlas.sources.residency;

import org.vmatlas.syscall.Mapping;

/**
 * One region's residency figures, recorded only when they change, in at most {@link #CAPACITY} points:
 * between two points the figures were those of the earlier one. When full, every second point of the older
 * half goes, so the series always reaches back to the region's first sample, finely near now and coarsely
 * further back. Not thread-safe; the history guards it.
 */
final class RegionSeries {

    /** Points kept per region: 64 at 40 bytes, so 60k regions that all keep changing cost about 150 MB. */
    static final int CAPACITY = 64;

    private final Figures[] points = new Figures[CAPACITY];
    private final long bornNanos;
    private int size;
    private long thinnedUntil = Long.MIN_VALUE;
    private Mapping region;

    RegionSeries(Mapping region, long bornNanos) {
        this.region = region;
        this.bornNanos = bornNanos;
    }

    /** Whether {@code mapping} is still this region: same place and the same object behind it. */
    boolean sameRegion(Mapping mapping) {
        return mapping.start() == region.start() && mapping.inode() == region.inode()
                && mapping.device() == region.device() && mapping.offset() == region.offset()
                && mapping.path().equals(region.path());
    }

    /**
     * Whether {@code mapping} is this anonymous region grown downwards: the same end and kind, a lower start
     * (mappings placed just below merged into it). A region cut in two is not: its upper part starts higher.
     */
    boolean grewDownTo(Mapping mapping) {
        return mapping.end() == region.end() && Long.compareUnsigned(mapping.start(), region.start()) < 0
                && mapping.inode() == 0 && region.inode() == 0 && mapping.shared() == region.shared()
                && mapping.prot() == region.prot() && mapping.path().equals(region.path());
    }

    void add(Mapping mapping, Figures figures) {
        region = mapping;
        if (size > 0 && points[size - 1].sameAs(figures)) {
            return;
        }
        if (size == CAPACITY) {
            thinOlderHalf();
        }
        points[size++] = figures;
    }

    /** Keeps the first point and every second one of the older half; the newer half stays whole. */
    private void thinOlderHalf() {
        int half = CAPACITY / 2;
        int kept = 1;
        for (int i = 2; i < half; i += 2) {
            thinnedUntil = Math.max(thinnedUntil, points[i - 1].timeNanos());
            points[kept++] = points[i];
        }
        for (int i = half; i < CAPACITY; i++) {
            points[kept++] = points[i];
        }
        for (int i = kept; i < CAPACITY; i++) {
            points[i] = null;
        }
        size = kept;
    }

    Mapping region() {
        return region;
    }

    /** The latest figures, or {@code null} when nothing is recorded. */
    Figures latest() {
        return size == 0 ? null : points[size - 1];
    }

    /**
     * The growth from the figures in force at {@code sinceNanos} (or, where the series was thinned, at the
     * nearest older point kept) to the latest ones; {@code null} when nothing is recorded. A region born after
     * {@code sinceNanos} grew from nothing at its birth.
     */
    Growth since(long sinceNanos) {
        if (size == 0) {
            return null;
        }
        Figures latest = points[size - 1];
        if (bornNanos > sinceNanos) {
            return new Growth(region, new Figures(bornNanos, 0, 0, 0, 0), latest);
        }
        Figures from = points[0];
        for (int i = 1; i < size && points[i].timeNanos() <= sinceNanos; i++) {
            from = points[i];
        }
        if (from.timeNanos() < sinceNanos && sinceNanos > thinnedUntil) {
            // nothing was thinned between this point and the window's start: its figures held at the start
            from = new Figures(sinceNanos, from.rss(), from.pss(), from.dirty(), from.swap());
        }
        return new Growth(region, from, latest);
    }
}
