package org.vmatlas.syscall.internal;

import java.util.Arrays;

/**
 * A set of addresses kept as sorted, disjoint, non-adjacent {@code [start, end)} ranges in two arrays.
 * Queries are a binary search, O(log n), and allocate nothing: the sandbox asks one on every call.
 * Changes shift the arrays (O(n)); a sandbox holds few ranges. Not thread-safe: the ledger's lock guards it.
 */
public final class RangeSet {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int count;
    private long bytes;

    /** Index of the last range starting at or below {@code address}, or -1. */
    private int floor(long address) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= address) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** Every address of {@code [start, end)} is in the set. */
    public boolean covers(long start, long end) {
        int i = floor(start);
        return i >= 0 && ends[i] >= end;
    }

    /** Some address of {@code [start, end)} is in the set. */
    public boolean intersects(long start, long end) {
        int i = floor(end - 1);
        return i >= 0 && ends[i] > start;
    }

    /** The first address of {@code [start, end)} outside the set, or {@code end} if there is none. */
    public long firstGap(long start, long end) {
        int i = floor(start);
        if (i < 0 || ends[i] <= start) {
            return start;
        }
        return Math.min(ends[i], end);
    }

    /** The parts of {@code [start, end)} in the set, as flattened {@code [start, end)} pairs. */
    public long[] within(long start, long end) {
        int i = Math.max(0, floor(start));
        long[] out = new long[0];
        for (; i < count && starts[i] < end; i++) {
            long s = Math.max(start, starts[i]);
            long e = Math.min(end, ends[i]);
            if (s < e) {
                out = Arrays.copyOf(out, out.length + 2);
                out[out.length - 2] = s;
                out[out.length - 1] = e;
            }
        }
        return out;
    }

    public void add(long start, long end) {
        if (start >= end) {
            return;
        }
        int first = floor(start);
        if (first < 0 || ends[first] < start) {
            first++;
        }
        int last = floor(end);
        if (first <= last) {
            start = Math.min(start, starts[first]);
            end = Math.max(end, ends[last]);
        }
        replace(first, last + 1, 1, start, end, 0, 0);
    }

    public void remove(long start, long end) {
        if (start >= end) {
            return;
        }
        int first = floor(start);
        if (first < 0 || ends[first] <= start) {
            first++;
        }
        int last = floor(end - 1);
        if (first > last) {
            return;
        }
        boolean head = starts[first] < start;
        boolean tail = ends[last] > end;
        long headStart = starts[first];
        long tailEnd = ends[last];
        if (head && tail) {
            replace(first, last + 1, 2, headStart, start, end, tailEnd);
        } else if (head) {
            replace(first, last + 1, 1, headStart, start, 0, 0);
        } else if (tail) {
            replace(first, last + 1, 1, end, tailEnd, 0, 0);
        } else {
            replace(first, last + 1, 0, 0, 0, 0, 0);
        }
    }

    /** Replaces ranges {@code [from, to)} by {@code added} (0 to 2) ranges; allocates only to grow. */
    private void replace(int from, int to, int added, long s0, long e0, long s1, long e1) {
        for (int i = from; i < to; i++) {
            bytes -= ends[i] - starts[i];
        }
        bytes += (added > 0 ? e0 - s0 : 0) + (added > 1 ? e1 - s1 : 0);
        int newCount = count - (to - from) + added;
        if (newCount > starts.length) {
            starts = Arrays.copyOf(starts, Math.max(newCount, starts.length * 2));
            ends = Arrays.copyOf(ends, starts.length);
        }
        if (to != from + added) {
            System.arraycopy(starts, to, starts, from + added, count - to);
            System.arraycopy(ends, to, ends, from + added, count - to);
        }
        if (added > 0) {
            starts[from] = s0;
            ends[from] = e0;
        }
        if (added > 1) {
            starts[from + 1] = s1;
            ends[from + 1] = e1;
        }
        count = newCount;
    }

    /** How many addresses the set holds, kept up to date by every change. */
    public long bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** All ranges, flattened {@code [start, end)} pairs. */
    public long[] toArray() {
        long[] out = new long[2 * count];
        for (int i = 0; i < count; i++) {
            out[2 * i] = starts[i];
            out[2 * i + 1] = ends[i];
        }
        return out;
    }

    /** This set without the addresses of {@code other}, flattened. */
    public long[] minus(RangeSet other) {
        RangeSet copy = new RangeSet();
        copy.starts = Arrays.copyOf(starts, Math.max(1, count));
        copy.ends = Arrays.copyOf(ends, Math.max(1, count));
        copy.count = count;
        copy.bytes = bytes;
        for (int i = 0; i < other.count; i++) {
            copy.remove(other.starts[i], other.ends[i]);
        }
        return copy.toArray();
    }
}
