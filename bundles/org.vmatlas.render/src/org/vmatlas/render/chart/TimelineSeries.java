package org.vmatlas.render.chart;

import java.util.Arrays;

import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.Prot;

/**
 * Bytes by protection and by Go state after every event, extended incrementally from the events' region
 * diffs: a new event costs its diff, not a walk of the address space. Also remembers which events failed
 * or raised a conflict. No display needed.
 * <p>
 * Memory is bounded: up to {@link #MAX_BUCKETS} events every value is kept exactly; beyond, events share
 * buckets ({@link SeriesBuckets}) that keep each slot's minimum, maximum and last value and the first
 * event's time, so the chart keeps its shape and a value or time asked for an event is its bucket's.
 */
public final class TimelineSeries {

    /** The protections charted, in drawing order; write+exec combinations are folded into RWX. */
    public static final int[] PROTS = { Prot.NONE, Prot.READ, Prot.RW, Prot.RX, Prot.RWX };
    /** The Go states charted; their slots follow the protections' ({@link #stateSlot}). */
    public static final RegionState[] STATES = RegionState.values();
    private static final int SLOTS = PROTS.length + STATES.length;
    /** How many buckets the series keeps at most (65536: 30 and more per pixel column of any screen). */
    public static final int MAX_BUCKETS = 1 << 16;
    /** The most memory a series' arrays take, whatever the number of events. */
    public static final long MAX_RETAINED_BYTES = SeriesBuckets.bytesAtMost(SLOTS, MAX_BUCKETS);

    private final int maxBuckets;
    private SeriesBuckets buckets;
    private long firstNanos;
    private double lastSeconds;
    private int failedEvents;
    private int size;
    private final long[] running = new long[SLOTS];
    private Timeline source;

    public TimelineSeries() {
        this(MAX_BUCKETS);
    }

    /** A series with a bound of its own, a power of two (tests use a small one). */
    public TimelineSeries(int maxBuckets) {
        this.maxBuckets = maxBuckets;
        buckets = new SeriesBuckets(SLOTS, maxBuckets);
    }

    /** Brings the series up to date with a timeline; starts over when the timeline is another one. */
    public void update(Timeline timeline) {
        if (timeline != source || timeline.size() < size) {
            source = timeline;
            size = 0;
            failedEvents = 0;
            firstNanos = 0;
            lastSeconds = 0;
            Arrays.fill(running, 0);
            buckets = new SeriesBuckets(SLOTS, maxBuckets);
        }
        int total = timeline.size();
        for (int i = size; i < total; i++) {
            Event event = timeline.event(i);
            for (Region region : event.removed()) {
                running[slot(region.prot())] -= region.end() - region.start();
                running[stateSlot(region.state())] -= region.end() - region.start();
            }
            for (Region region : event.added()) {
                running[slot(region.prot())] += region.end() - region.start();
                running[stateSlot(region.state())] += region.end() - region.start();
            }
            append(i, event);
        }
        size = total;
    }

    private void append(int index, Event event) {
        if (firstNanos == 0) {
            // an untimed first event (a starting snapshot) does not put the clock's origin at 1970
            firstNanos = event.timeNanos();
        }
        // an untimed event stays where the one before it was
        if (event.timeNanos() != 0) {
            lastSeconds = Math.max(0, (event.timeNanos() - firstNanos) / 1e9);
        }
        boolean marked = event.failed() || !event.conflicts().isEmpty();
        if (marked) {
            failedEvents++;
        }
        buckets.append(index, running, lastSeconds, marked);
    }

    static int slot(int prot) {
        return switch (prot & Prot.RWX) {
            case Prot.NONE -> 0;
            case Prot.READ -> 1;
            case Prot.RW, Prot.WRITE -> 2;
            case Prot.RX, Prot.EXEC -> 3;
            default -> 4;
        };
    }

    /** The slot of a Go state's series. */
    public static int stateSlot(RegionState state) {
        return PROTS.length + state.ordinal();
    }

    public int size() {
        return size;
    }

    /**
     * Bytes of slot {@code k} (an index into {@link #PROTS}, or a {@link #stateSlot}) after event {@code index};
     * beyond the bound, after the last event of its bucket.
     */
    public long bytes(int k, int index) {
        return buckets.last(k, buckets.bucketOf(index));
    }

    public long totalBytes(int index) {
        long total = 0;
        for (int k = 0; k < PROTS.length; k++) {
            total += bytes(k, index);
        }
        return total;
    }

    /** When event {@code index} happened, in seconds after the first event; beyond the bound, its bucket's first. */
    public double seconds(int index) {
        return buckets.firstSeconds(buckets.bucketOf(index));
    }

    /** {@code true} when the events carry times that tell them apart (a session with a clock, or a trace). */
    public boolean timed() {
        return size > 1 && lastSeconds > 0;
    }

    /** Where event {@code index} goes on the chart's axis: its time in seconds, or its number. */
    public double x(int index, boolean inSeconds) {
        return inSeconds ? seconds(index) : index;
    }

    /** How many failing or conflicting events are marked: all of them below the bound, one a bucket beyond. */
    public int failureCount() {
        return buckets.markCount();
    }

    /** The event number of mark {@code i}, oldest first. */
    public int failure(int i) {
        return buckets.mark(i);
    }

    /** How many events failed or raised a conflict in all, marked or not. */
    public int failedEvents() {
        return failedEvents;
    }

    /** How many events share a bucket: 1 below the bound, a power of two beyond. */
    public int eventsPerBucket() {
        return buckets.eventsPerBucket();
    }

    /** The bytes the series' arrays hold now; never above {@link #MAX_RETAINED_BYTES}. */
    public long retainedBytes() {
        return buckets.retainedBytes();
    }

    /** How many buckets the arrays have room for; never above the bound. */
    public int bucketCapacity() {
        return buckets.capacity();
    }

    /**
     * One slot's series reduced to at most two points (min and max) per pixel column, so the chart
     * draws the same shape from a million events as from a thousand.
     */
    public double[][] decimated(int k, int columns) {
        return decimated(k, columns, false);
    }

    /** As {@link #decimated(int, int)}, along time (seconds after the first event) or along event numbers. */
    public double[][] decimated(int k, int columns, boolean inSeconds) {
        int used = buckets.used();
        if (buckets.eventsPerBucket() == 1 && used <= 2 * columns) {
            double[][] xy = new double[2][used];
            for (int b = 0; b < used; b++) {
                xy[0][b] = bucketX(b, inSeconds);
                xy[1][b] = buckets.last(k, b);
            }
            return xy;
        }
        int shown = Math.min(columns, used);
        double[][] xy = new double[2][2 * shown];
        int n = 0;
        for (int c = 0; c < shown; c++) {
            int from = (int) ((long) c * used / shown);
            int to = (int) ((long) (c + 1) * used / shown);
            int minAt = from;
            int maxAt = from;
            for (int b = from; b < to; b++) {
                if (buckets.min(k, b) < buckets.min(k, minAt)) {
                    minAt = b;
                }
                if (buckets.max(k, b) > buckets.max(k, maxAt)) {
                    maxAt = b;
                }
            }
            boolean minFirst = minAt <= maxAt;
            int first = minFirst ? minAt : maxAt;
            int second = minFirst ? maxAt : minAt;
            xy[0][n] = bucketX(first, inSeconds);
            xy[1][n++] = minFirst ? buckets.min(k, first) : buckets.max(k, first);
            xy[0][n] = bucketX(second, inSeconds);
            xy[1][n++] = minFirst ? buckets.max(k, second) : buckets.min(k, second);
        }
        return xy;
    }

    private double bucketX(int bucket, boolean inSeconds) {
        return inSeconds ? buckets.firstSeconds(bucket) : (double) bucket * buckets.eventsPerBucket();
    }
}
