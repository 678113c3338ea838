package org.vmatlas.render.chart;

import java.util.Arrays;

import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.Prot;

/**
 * Bytes by protection and by Go state after every event, kept in plain arrays and extended incrementally from the
 * events' region diffs: a new event costs its diff, not a walk of the address space. Also remembers
 * which events failed or raised a conflict. No display needed.
 */
public final class TimelineSeries {

    /** The protections charted, in drawing order; write+exec combinations are folded into RWX. */
    public static final int[] PROTS = { Prot.NONE, Prot.READ, Prot.RW, Prot.RX, Prot.RWX };
    /** The Go states charted; their slots follow the protections' ({@link #stateSlot}). */
    public static final RegionState[] STATES = RegionState.values();
    private static final int SLOTS = PROTS.length + STATES.length;

    private long[][] bytes = new long[SLOTS][1024];
    private double[] seconds = new double[1024];
    private long firstNanos;
    private int[] failures = new int[256];
    private int failureCount;
    private int size;
    private final long[] running = new long[SLOTS];
    private Timeline source;

    /** Brings the series up to date with a timeline; starts over when the timeline is another one. */
    public void update(Timeline timeline) {
        if (timeline != source || timeline.size() < size) {
            source = timeline;
            size = 0;
            failureCount = 0;
            Arrays.fill(running, 0);
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
        if (index >= bytes[0].length) {
            for (int k = 0; k < SLOTS; k++) {
                bytes[k] = Arrays.copyOf(bytes[k], bytes[k].length * 2);
            }
        }
        if (index >= seconds.length) {
            seconds = Arrays.copyOf(seconds, Math.max(bytes[0].length, seconds.length * 2));
        }
        if (index == 0) {
            firstNanos = event.timeNanos();
        }
        if (firstNanos == 0) {
            // an untimed first event (a starting snapshot) does not put the clock's origin at 1970
            firstNanos = event.timeNanos();
        }
        // an untimed event stays where the one before it was
        seconds[index] = event.timeNanos() == 0 ? (index == 0 ? 0 : seconds[index - 1])
                : Math.max(0, (event.timeNanos() - firstNanos) / 1e9);
        for (int k = 0; k < SLOTS; k++) {
            bytes[k][index] = running[k];
        }
        if (event.failed() || !event.conflicts().isEmpty()) {
            if (failureCount == failures.length) {
                failures = Arrays.copyOf(failures, failureCount * 2);
            }
            failures[failureCount++] = index;
        }
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

    /** Bytes of slot {@code k} (an index into {@link #PROTS}, or a {@link #stateSlot}) after event {@code index}. */
    public long bytes(int k, int index) {
        return bytes[k][index];
    }

    public long totalBytes(int index) {
        long total = 0;
        for (int k = 0; k < PROTS.length; k++) {
            total += bytes[k][index];
        }
        return total;
    }

    /** When event {@code index} happened, in seconds after the first event. */
    public double seconds(int index) {
        return seconds[index];
    }

    /** {@code true} when the events carry times that tell them apart (a session with a clock, or a trace). */
    public boolean timed() {
        return size > 1 && seconds[size - 1] > 0;
    }

    /** Where event {@code index} goes on the chart's axis: its time in seconds, or its number. */
    public double x(int index, boolean inSeconds) {
        return inSeconds ? seconds[index] : index;
    }

    public int failureCount() {
        return failureCount;
    }

    public int failure(int i) {
        return failures[i];
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
        if (size <= 2 * columns) {
            double[][] xy = new double[2][size];
            for (int i = 0; i < size; i++) {
                xy[0][i] = x(i, inSeconds);
                xy[1][i] = bytes[k][i];
            }
            return xy;
        }
        double[][] xy = new double[2][2 * columns];
        int n = 0;
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * size / columns);
            int to = (int) ((long) (c + 1) * size / columns);
            int minAt = from;
            int maxAt = from;
            for (int i = from; i < to; i++) {
                if (bytes[k][i] < bytes[k][minAt]) {
                    minAt = i;
                }
                if (bytes[k][i] > bytes[k][maxAt]) {
                    maxAt = i;
                }
            }
            int first = Math.min(minAt, maxAt);
            int second = Math.max(minAt, maxAt);
            xy[0][n] = x(first, inSeconds);
            xy[1][n++] = bytes[k][first];
            xy[0][n] = x(second, inSeconds);
            xy[1][n++] = bytes[k][second];
        }
        return xy;
    }
}
