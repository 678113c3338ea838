package org.vmatlas.render.frag;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.syscall.AddressRange;

/**
 * The free holes of an address space within bounds: the sandbox arena when the session runs in one (its
 * unmapped pages are where the next fixed or hinted call can land), otherwise from the first region's start
 * to the last region's end (the gaps outside are not holes, they are the rest of the address space).
 * Sizes are counted in log2 buckets: bucket {@code k} holds holes of at least 2^k and less than 2^(k+1) bytes.
 * Pure Java; one pass over the regions' indexed accessors.
 */
public final class HoleStats {

    /** One free range. */
    public record Hole(long start, long length) {
    }

    private final long from;
    private final long to;
    private final long[] buckets = new long[64];
    private int holes;
    private long freeBytes;
    private Hole largest;

    /** The holes of {@code space} in {@code [from, to)}; regions reaching outside are clipped. */
    public HoleStats(AddressSpace space, long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("hole bounds end 0x" + Long.toHexString(to) + " below start 0x"
                    + Long.toHexString(from));
        }
        this.from = from;
        this.to = to;
        long cursor = from;
        for (int i = 0; i < space.size() && cursor < to; i++) {
            long start = Math.max(space.start(i), from);
            long end = Math.min(space.end(i), to);
            if (end <= start) {
                continue;
            }
            add(cursor, start);
            cursor = Math.max(cursor, end);
        }
        add(cursor, to);
    }

    /** The bounds this view of the session uses: the sandbox's arena when there is one, else first to last region. */
    public static HoleStats forSession(AddressSpace space, AddressRange arena) {
        if (arena != null) {
            return new HoleStats(space, arena.start(), arena.end());
        }
        if (space.size() == 0) {
            return new HoleStats(space, 0, 0);
        }
        return new HoleStats(space, space.start(0), space.end(space.size() - 1));
    }

    private void add(long start, long end) {
        long length = end - start;
        if (length <= 0) {
            return;
        }
        holes++;
        freeBytes += length;
        buckets[bucketOf(length)]++;
        if (largest == null || length > largest.length()) {
            largest = new Hole(start, length);
        }
    }

    static int bucketOf(long length) {
        return 63 - Long.numberOfLeadingZeros(length);
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    public int holeCount() {
        return holes;
    }

    public long freeBytes() {
        return freeBytes;
    }

    /** The largest hole (the lowest one among equals), or {@code null} when there is none. */
    public Hole largest() {
        return largest;
    }

    /** Holes of at least 2^k and less than 2^(k+1) bytes. */
    public long count(int bucket) {
        return buckets[bucket];
    }

    /** The smallest non-empty bucket, or -1 when there are no holes. */
    public int firstBucket() {
        for (int k = 0; k < buckets.length; k++) {
            if (buckets[k] > 0) {
                return k;
            }
        }
        return -1;
    }

    /** The largest non-empty bucket, or -1 when there are no holes. */
    public int lastBucket() {
        return largest == null ? -1 : bucketOf(largest.length());
    }
}
