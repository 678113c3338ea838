package org.vmatlas.model.internal;

import java.util.function.IntUnaryOperator;

/**
 * The mutable address-space core: ordered, non-overlapping regions split and merged the way Linux splits
 * and merges its VMAs. Regions live in {@link Blocks} of at most {@link #CAP} entries, each one
 * {@code long[]} interleaving start, end and interned attribute id, so a change copies within one or two
 * blocks instead of half of a flat array, and a search touches one array per level. Every change goes
 * through one primitive, {@link WindowRewrite}: rebuild the window of regions touching a range plus its
 * two neighbours, merge equal neighbours, and replace only the entries that differ. Reads go through
 * {@link RegionQueries} and, by position, {@link EntryIndex}. Not thread-safe; the session that owns a
 * core guards it.
 */
public final class VmaCore {

    static final int CAP = Blocks.CAP;

    private final Blocks blocks = new Blocks();
    private final WindowRewrite rewrite = new WindowRewrite(blocks);
    private final RegionQueries queries = new RegionQueries(blocks);
    private final EntryIndex index = new EntryIndex(blocks);

    public VmaCore() {
    }

    /** A core holding a copy of the given sorted, non-overlapping entries. */
    public VmaCore(long[] s, long[] e, int[] a, int count) {
        blocks.append(s, e, a, count);
    }

    public VmaCore copy() {
        int n = blocks.n;
        long[] s = new long[n];
        long[] e = new long[n];
        int[] a = new int[n];
        copyTo(s, e, a);
        return new VmaCore(s, e, a, n);
    }

    public void setSink(DiffSink newSink) {
        rewrite.sink = newSink;
    }

    public int size() {
        return blocks.n;
    }

    public void copyTo(long[] s, long[] e, int[] a) {
        index.copyTo(s, e, a);
    }

    public long start(int i) {
        return index.start(i);
    }

    public long end(int i) {
        return index.end(i);
    }

    public int attr(int i) {
        return index.attr(i);
    }

    // ---- queries ----

    /** Attribute id of the region containing {@code address}, or -1 when it is free. */
    public int attrAt(long address) {
        return queries.attrAt(address);
    }

    /** {@code true} when exactly this region is in the core. */
    public boolean holds(long start, long end, int attr) {
        return queries.holds(start, end, attr);
    }

    /** {@code true} when no page of {@code [lo, hi)} is mapped. */
    public boolean isFree(long lo, long hi) {
        return queries.isFree(lo, hi);
    }

    /** Visits the pieces of regions inside {@code [lo, hi)}, clipped to it. */
    public void forEach(long lo, long hi, RegionVisitor visitor) {
        if (hi <= lo) {
            return; // an empty or wrapped range holds no piece
        }
        queries.forEach(lo, hi, visitor);
    }

    /** A piece of a region and its attribute id. */
    @FunctionalInterface
    public interface RegionVisitor {
        void visit(long start, long end, int attr);
    }

    /**
     * End of the contiguous mapped run that starts at {@code lo}, capped at {@code hi}; {@code lo} itself
     * when {@code lo} is free. Linux's {@code mprotect} applies up to there and stops at the first hole.
     */
    public long mappedRunEnd(long lo, long hi) {
        long end = queries.runEnd(lo, hi);
        return end < 0 ? lo : end;
    }

    /** Bytes of {@code [lo, hi)} that are mapped, or only the accessible ones (not PROT_NONE). */
    public long mappedBytes(long lo, long hi, boolean accessibleOnly) {
        return hi <= lo ? 0 : queries.mappedBytes(lo, hi, accessibleOnly);
    }

    /** Regions that straddle {@code lo} or {@code hi}: the ones a change of {@code [lo, hi)} splits (one cut in three counts once). */
    public int straddling(long lo, long hi) {
        return queries.straddling(lo, hi);
    }

    /**
     * Highest free range of {@code length} bytes ending at or below {@code ceiling} and starting at or above
     * {@code floor} (Linux's top-down search), or -1.
     */
    public long highestGap(long length, long floor, long ceiling) {
        return queries.highestGap(length, floor, ceiling);
    }

    /** Number of VMAs the kernel would show: neighbours whose kernel attributes are equal counted once. */
    public int kernelCount() {
        return queries.kernelCount();
    }

    /** End of the kernel VMA containing {@code address} (model regions that differ only in state or label joined). */
    public long kernelVmaEnd(long address) {
        return queries.kernelVmaEnd(address);
    }

    // ---- changes ----
    // The core holds user addresses, [0, 2^63): a change of a range that is empty, wraps or starts below 0
    // (a recorded answer no kernel gives, a damaged file) changes nothing, so no region can end below its start.

    private static boolean outside(long lo, long hi) {
        return lo < 0 || hi <= lo;
    }

    /** Maps {@code [lo, hi)} with one attribute, replacing whatever was there ({@code MAP_FIXED}). */
    public void map(long lo, long hi, int attr) {
        if (outside(lo, hi)) {
            return;
        }
        blocks.locateEnd(lo);
        rewrite.rewrite(lo, hi, WindowRewrite.MAP, attr, null);
    }

    /** Removes every page of {@code [lo, hi)}, splitting regions that straddle the ends. */
    public void unmap(long lo, long hi) {
        if (outside(lo, hi)) {
            return;
        }
        blocks.locateEnd(lo);
        rewrite.rewrite(lo, hi, WindowRewrite.UNMAP, 0, null);
    }

    /** Gives each mapped piece of {@code [lo, hi)} the attribute {@code change} makes of its old one. */
    public void retag(long lo, long hi, IntUnaryOperator change) {
        if (outside(lo, hi)) {
            return;
        }
        blocks.locateEnd(lo);
        rewrite.rewrite(lo, hi, WindowRewrite.RETAG, 0, change);
    }

    /** Raw {@code mprotect} of the mapped pieces of {@code [lo, hi)}: new protection, state inferred again. */
    public void reprotect(long lo, long hi, int prot) {
        if (outside(lo, hi)) {
            return;
        }
        blocks.locateEnd(lo);
        rewrite.rewrite(lo, hi, WindowRewrite.RETAG, prot, null);
    }

    /**
     * Linux's {@code mprotect} in one search: the new protection on the contiguous mapped run starting at
     * {@code lo} (capped at {@code hi}); returns the run's end, {@code lo} when {@code lo} is free.
     */
    public long reprotectRun(long lo, long hi, int prot) {
        if (outside(lo, hi)) {
            return lo;
        }
        long end = queries.runEnd(lo, hi);
        if (end < 0) {
            return lo;
        }
        rewrite.rewrite(lo, end, WindowRewrite.RETAG, prot, null); // the search left the cursor on lo's region
        return end;
    }

    /** Applies a recorded change: {@code oldCount} entries from the one starting at {@code firstOldStart} become the new ones. */
    public void applyReplacement(long firstOldStart, int oldCount, long[] s, long[] e, int[] a, int from, int count) {
        blocks.locateStart(oldCount > 0 ? firstOldStart : s[from]);
        rewrite.replay(oldCount, s, e, a, from, count);
    }
}
