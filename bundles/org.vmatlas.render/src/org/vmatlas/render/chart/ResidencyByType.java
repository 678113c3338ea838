package org.vmatlas.render.chart;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.TypeSummary;

/**
 * A process's resident memory by region type over time, for the Residency chart's per-type view: one point
 * per classification with residency, bounded like the totals. At most {@link #CAPACITY} points (a day at one
 * classification every two seconds, {@link #MAX_RETAINED_BYTES} bytes); beyond, the oldest go. Thread-safe.
 */
public final class ResidencyByType {

    /** Points kept: a day at one every two seconds, the pace live classification keeps. */
    public static final int CAPACITY = 43_200;
    private static final RegionType[] TYPES = RegionType.values();
    /** The most the arrays ever hold: a time and a resident size per type a point. */
    public static final long MAX_RETAINED_BYTES = (long) CAPACITY * (TYPES.length + 1) * Long.BYTES;

    private final int capacity;
    private long[] times = new long[0];
    private long[][] rss = new long[TYPES.length][0];
    private int first;
    private int size;
    private final boolean[] seen = new boolean[TYPES.length];

    public ResidencyByType() {
        this(CAPACITY);
    }

    /** A smaller bound, for tests. */
    public ResidencyByType(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a residency-by-type history keeps at least 2 points, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds the resident bytes of each type of {@code summary}, measured at {@code timeNanos} (times must not go back). */
    public void add(long timeNanos, TypeSummary summary) {
        long[] bytes = new long[TYPES.length];
        for (TypeSummary.Row row : summary.rows()) {
            bytes[row.type().ordinal()] = Math.max(0, row.rss());
        }
        add(timeNanos, bytes);
    }

    /** Adds one point: resident bytes per type, indexed by {@link RegionType#ordinal()}. */
    public synchronized void add(long timeNanos, long[] rssByType) {
        if (rssByType.length != TYPES.length) {
            throw new IllegalArgumentException("a point needs " + TYPES.length + " resident sizes, one per type, not "
                    + rssByType.length);
        }
        if (size > 0 && timeNanos < timeNanos(size - 1)) {
            throw new IllegalArgumentException("a residency-by-type point at " + timeNanos
                    + " ns is older than the last one, at " + timeNanos(size - 1) + " ns");
        }
        if (size == capacity) {
            first = (first + 1) % capacity;
            size--;
        } else if (size == times.length) {
            grow();
        }
        int at = (first + size) % times.length;
        times[at] = timeNanos;
        for (int t = 0; t < TYPES.length; t++) {
            rss[t][at] = rssByType[t];
            seen[t] |= rssByType[t] > 0;
        }
        size++;
    }

    /** Room doubles up to the bound; the ring is laid out from 0 again. */
    private void grow() {
        int room = Math.min(capacity, Math.max(256, times.length * 2));
        times = unrolled(times, room);
        for (int t = 0; t < TYPES.length; t++) {
            rss[t] = unrolled(rss[t], room);
        }
        first = 0;
    }

    private long[] unrolled(long[] ring, int room) {
        long[] out = new long[room];
        for (int i = 0; i < size; i++) {
            out[i] = ring[(first + i) % ring.length];
        }
        return out;
    }

    public synchronized int size() {
        return size;
    }

    /** When point {@code i} (0 the oldest kept) was measured, {@link System#nanoTime()}. */
    public synchronized long timeNanos(int i) {
        return times[(first + i) % times.length];
    }

    /** The resident bytes of {@code type} at point {@code i}. */
    public synchronized long rss(RegionType type, int i) {
        return rss[type.ordinal()][(first + i) % times.length];
    }

    /** The types that had resident pages at some point, in the owners' order: the lines worth drawing. */
    public synchronized List<RegionType> typesSeen() {
        List<RegionType> out = new ArrayList<>();
        for (RegionType type : TYPES) {
            if (seen[type.ordinal()]) {
                out.add(type);
            }
        }
        return out;
    }

    /** The bytes the arrays hold now; never above {@link #MAX_RETAINED_BYTES}. */
    public synchronized long retainedBytes() {
        return (long) times.length * (TYPES.length + 1) * Long.BYTES;
    }
}
