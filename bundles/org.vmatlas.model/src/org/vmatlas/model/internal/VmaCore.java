package org.vmatlas.model.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The mutable address-space core: ordered, non-overlapping regions split and merged the way Linux splits
 * and merges its VMAs. Regions live in blocks of at most {@link #CAP} entries, each one {@code long[]}
 * interleaving start, end and interned attribute id, so a change copies within one or two blocks instead of
 * half of a flat array, and a search touches one array per level. Every change goes
 * through one primitive, {@link #rewrite}: rebuild the window of regions touching a range plus its two
 * neighbours, merge equal neighbours, and replace only the entries that differ. Not thread-safe; the
 * session that owns a core guards it.
 */
public final class VmaCore {

    static final int CAP = 64;
    private static final int FILL = CAP * 3 / 4;
    private static final int MAP = 0;
    private static final int UNMAP = 1;
    private static final int RETAG = 2;

    /** Per block: start, end and attribute id of each entry, interleaved (one array, one cache stream). */
    private long[][] blk = new long[4][];
    private int[] bn = new int[4];
    /** End of the last entry of each block: the top level of the search. */
    private long[] lastEnd = new long[4];
    private int nb;
    private int n;
    private int[] firstIndex = new int[5];
    private boolean indexStale;
    private DiffSink sink;

    /** Position found by the last search: block and offset ({@code pb == nb} is the end). */
    private int pb;
    private int po;

    private final Window window = new Window();
    private final Window removedScratch = new Window();

    public VmaCore() {
    }

    /** A core holding a copy of the given sorted, non-overlapping entries. */
    public VmaCore(long[] s, long[] e, int[] a, int count) {
        for (int from = 0; from < count; from += FILL) {
            int len = Math.min(FILL, count - from);
            long[] block = new long[3 * CAP];
            put(block, 0, s, e, a, from, len);
            insertBlock(nb, block, len);
        }
        n = count;
        indexStale = true;
    }

    public VmaCore copy() {
        long[] s = new long[n];
        long[] e = new long[n];
        int[] a = new int[n];
        copyTo(s, e, a);
        return new VmaCore(s, e, a, n);
    }

    public void setSink(DiffSink newSink) {
        sink = newSink;
    }

    public int size() {
        return n;
    }

    public void copyTo(long[] s, long[] e, int[] a) {
        int at = 0;
        for (int b = 0; b < nb; b++) {
            long[] block = blk[b];
            for (int o = 0; o < bn[b]; o++) {
                s[at] = block[3 * o];
                e[at] = block[3 * o + 1];
                a[at] = (int) block[3 * o + 2];
                at++;
            }
        }
    }

    // ---- index access (tests, observed snapshots): block found through prefix counts ----

    private void seekIndex(int i) {
        if (indexStale) {
            if (firstIndex.length < nb + 1) {
                firstIndex = new int[nb * 2 + 1];
            }
            for (int b = 0; b < nb; b++) {
                firstIndex[b + 1] = firstIndex[b] + bn[b];
            }
            indexStale = false;
        }
        int lo = 0;
        int hi = nb - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstIndex[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        pb = lo;
        po = i - firstIndex[lo];
    }

    public long start(int i) {
        seekIndex(i);
        return blk[pb][3 * po];
    }

    public long end(int i) {
        seekIndex(i);
        return blk[pb][3 * po + 1];
    }

    public int attr(int i) {
        seekIndex(i);
        return (int) blk[pb][3 * po + 2];
    }

    // ---- search ----

    /** Sets (pb, po) to the first entry whose end is above {@code address}. */
    private void locateEnd(long address) {
        int b = firstAbove(lastEnd, nb, address);
        pb = b;
        po = b == nb ? 0 : firstEndAbove(blk[b], bn[b], address);
    }

    /**
     * Index of the first of {@code count} sorted values above {@code address}, or {@code count}: a binary
     * search without a data-dependent branch in the loop (the JIT turns the choice into a conditional move),
     * because mispredicted branches were a quarter of the time of an operation.
     */
    private static int firstAbove(long[] sorted, int count, long address) {
        if (count == 0) {
            return 0;
        }
        int base = 0;
        int len = count;
        while (len > 1) {
            int half = len >>> 1;
            base = sorted[base + half - 1] <= address ? base + half : base;
            len -= half;
        }
        return sorted[base] <= address ? base + 1 : base;
    }

    /** {@link #firstAbove} over the ends of an interleaved block. */
    private static int firstEndAbove(long[] block, int count, long address) {
        int base = 0;
        int len = count;
        while (len > 1) {
            int half = len >>> 1;
            base = block[3 * (base + half - 1) + 1] <= address ? base + half : base;
            len -= half;
        }
        return block[3 * base + 1] <= address ? base + 1 : base;
    }

    /** Writes {@code count} entries from parallel arrays into a block at entry {@code at}. */
    private static void put(long[] block, int at, long[] s, long[] e, int[] a, int from, int count) {
        for (int k = 0; k < count; k++) {
            int d = 3 * (at + k);
            block[d] = s[from + k];
            block[d + 1] = e[from + k];
            block[d + 2] = a[from + k];
        }
    }

    /** Sets (pb, po) to the first entry starting at or above {@code address}. */
    private void locateStart(long address) {
        locateEnd(address);
        if (pb < nb && blk[pb][3 * po] < address) {
            advance();
        }
    }

    private void advance() {
        if (++po == bn[pb]) {
            pb++;
            po = 0;
        }
    }

    private boolean atEnd() {
        return pb >= nb;
    }

    /** Attribute id of the region containing {@code address}, or -1 when it is free. */
    public int attrAt(long address) {
        locateEnd(address);
        return !atEnd() && blk[pb][3 * po] <= address ? (int) blk[pb][3 * po + 2] : -1;
    }

    /** {@code true} when exactly this region is in the core. */
    public boolean holds(long start, long end, int attr) {
        locateEnd(start);
        return !atEnd() && blk[pb][3 * po] == start && blk[pb][3 * po + 1] == end && (int) blk[pb][3 * po + 2] == attr;
    }

    /** {@code true} when no page of {@code [lo, hi)} is mapped. */
    public boolean isFree(long lo, long hi) {
        locateEnd(lo);
        return atEnd() || blk[pb][3 * po] >= hi;
    }

    /** Visits the pieces of regions inside {@code [lo, hi)}, clipped to it. */
    public void forEach(long lo, long hi, RegionVisitor visitor) {
        locateEnd(lo);
        int b = pb;
        int o = po;
        while (b < nb && blk[b][3 * o] < hi) {
            visitor.visit(Math.max(blk[b][3 * o], lo), Math.min(blk[b][3 * o + 1], hi), (int) blk[b][3 * o + 2]);
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
        }
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
        locateEnd(lo);
        if (atEnd() || blk[pb][3 * po] > lo) {
            return lo;
        }
        long cur = blk[pb][3 * po + 1];
        advance();
        while (cur < hi && !atEnd() && blk[pb][3 * po] == cur) {
            cur = blk[pb][3 * po + 1];
            advance();
        }
        return Math.min(cur, hi);
    }

    /** Bytes of {@code [lo, hi)} that are mapped, or only the accessible ones (not PROT_NONE). */
    public long mappedBytes(long lo, long hi, boolean accessibleOnly) {
        long[] sum = {0};
        forEach(lo, hi, (s, e, id) -> {
            if (!accessibleOnly || Attrs.get(id).prot() != 0) {
                sum[0] += e - s;
            }
        });
        return sum[0];
    }

    /** Regions that straddle {@code lo} or {@code hi}: the ones a change of {@code [lo, hi)} splits (one cut in three counts once). */
    public int straddling(long lo, long hi) {
        locateEnd(lo);
        boolean left = !atEnd() && blk[pb][3 * po] < lo;
        long leftEnd = left ? blk[pb][3 * po + 1] : -1;
        locateEnd(hi);
        boolean right = !atEnd() && blk[pb][3 * po] < hi && blk[pb][3 * po + 1] != leftEnd;
        return (left ? 1 : 0) + (right ? 1 : 0);
    }

    /**
     * Highest free range of {@code length} bytes ending at or below {@code ceiling} and starting at or above
     * {@code floor} (Linux's top-down search), or -1.
     */
    public long highestGap(long length, long floor, long ceiling) {
        locateStart(ceiling);
        int b = pb;
        int o = po;
        long top = ceiling;
        while (true) {
            if (o == 0) {
                if (b == 0) {
                    break;
                }
                b--;
                o = bn[b];
            }
            o--;
            long gapStart = Math.max(blk[b][3 * o + 1], floor);
            if (top - gapStart >= length) {
                return top - length;
            }
            top = Math.min(top, blk[b][3 * o]);
            if (top <= floor) {
                return -1;
            }
        }
        return top - floor >= length ? top - length : -1;
    }

    /** Number of VMAs the kernel would show: neighbours whose kernel attributes are equal counted once. */
    public int kernelCount() {
        int count = 0;
        long prevEnd = -1;
        int prevKernel = -1;
        for (int b = 0; b < nb; b++) {
            for (int o = 0; o < bn[b]; o++) {
                int kernel = Attrs.kernelId((int) blk[b][3 * o + 2]);
                if (blk[b][3 * o] != prevEnd || kernel != prevKernel) {
                    count++;
                }
                prevEnd = blk[b][3 * o + 1];
                prevKernel = kernel;
            }
        }
        return count;
    }

    /** End of the kernel VMA containing {@code address} (model regions that differ only in state or label joined). */
    public long kernelVmaEnd(long address) {
        locateEnd(address);
        if (atEnd() || blk[pb][3 * po] > address) {
            return address;
        }
        int kernel = Attrs.kernelId((int) blk[pb][3 * po + 2]);
        long end = blk[pb][3 * po + 1];
        advance();
        while (!atEnd() && blk[pb][3 * po] == end && Attrs.kernelId((int) blk[pb][3 * po + 2]) == kernel) {
            end = blk[pb][3 * po + 1];
            advance();
        }
        return end;
    }

    // ---- changes ----

    /** Maps {@code [lo, hi)} with one attribute, replacing whatever was there ({@code MAP_FIXED}). */
    public void map(long lo, long hi, int attr) {
        rewrite(lo, hi, MAP, attr, null);
    }

    /** Removes every page of {@code [lo, hi)}, splitting regions that straddle the ends. */
    public void unmap(long lo, long hi) {
        rewrite(lo, hi, UNMAP, 0, null);
    }

    /** Gives each mapped piece of {@code [lo, hi)} the attribute {@code change} makes of its old one. */
    public void retag(long lo, long hi, IntUnaryOperator change) {
        rewrite(lo, hi, RETAG, 0, change);
    }

    /** Raw {@code mprotect} of the mapped pieces of {@code [lo, hi)}: new protection, state inferred again. */
    public void reprotect(long lo, long hi, int prot) {
        rewrite(lo, hi, RETAG, prot, null);
    }

    /**
     * The old window is the left neighbour, the regions overlapping {@code [lo, hi)} and the right neighbour;
     * the new window is what they become, merged. Only the differing middle is replaced.
     */
    private void rewrite(long lo, long hi, int mode, int arg, IntUnaryOperator change) {
        locateEnd(lo);
        rewriteFromPosition(lo, hi, mode, arg, change);
    }

    /**
     * Linux's {@code mprotect} in one search: the new protection on the contiguous mapped run starting at
     * {@code lo} (capped at {@code hi}); returns the run's end, {@code lo} when {@code lo} is free.
     */
    public long reprotectRun(long lo, long hi, int prot) {
        locateEnd(lo);
        if (atEnd() || blk[pb][3 * po] > lo) {
            return lo;
        }
        int b = pb;
        int o = po;
        long cur = blk[b][3 * o + 1];
        while (cur < hi) {
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
            if (b == nb || blk[b][3 * o] != cur) {
                break;
            }
            cur = blk[b][3 * o + 1];
        }
        long end = Math.min(cur, hi);
        rewriteFromPosition(lo, end, RETAG, prot, null);
        return end;
    }

    /** {@link #rewrite} once (pb, po) holds the first entry whose end is above {@code lo}. */
    private void rewriteFromPosition(long lo, long hi, int mode, int arg, IntUnaryOperator change) {
        int ib = pb;
        int io = po;
        boolean overlaps = !atEnd() && blk[pb][3 * po] < hi;
        if (mode != MAP && !overlaps) {
            return;
        }
        // start the old window one entry to the left when there is one
        int wb = ib;
        int wo = io;
        if (wo > 0) {
            wo--;
        } else if (wb > 0) {
            wb--;
            wo = bn[wb] - 1;
        }
        Window w = window;
        w.clear();
        int oldCount = 0;
        int b = wb;
        int o = wo;
        if (b != ib || o != io) {
            w.push(blk[b][3 * o], blk[b][3 * o + 1], (int) blk[b][3 * o + 2]);
            oldCount++;
            b = ib;
            o = io;
        }
        if (overlaps && blk[b][3 * o] < lo) {
            w.push(blk[b][3 * o], lo, (int) blk[b][3 * o + 2]);
        }
        if (mode == MAP) {
            w.push(lo, hi, arg);
        }
        long tailEnd = -1;
        int tailAttr = 0;
        while (b < nb && blk[b][3 * o] < hi) {
            if (mode == RETAG) {
                int old = (int) blk[b][3 * o + 2];
                int now = change != null ? change.applyAsInt(old) : Attrs.reprotected(old, arg);
                w.push(Math.max(blk[b][3 * o], lo), Math.min(blk[b][3 * o + 1], hi), now);
            }
            tailEnd = blk[b][3 * o + 1];
            tailAttr = (int) blk[b][3 * o + 2];
            oldCount++;
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
        }
        if (tailEnd > hi) {
            w.push(hi, tailEnd, tailAttr);
        }
        if (b < nb) {
            w.push(blk[b][3 * o], blk[b][3 * o + 1], (int) blk[b][3 * o + 2]);
            oldCount++;
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
        }
        replaceWindow(wb, wo, oldCount, b, o);
    }

    /**
     * Replaces the {@code count} entries from (b, o) to (endB, endO) by the window, leaving equal entries at
     * both ends alone; compares in place, copies the removed entries only for a sink.
     */
    private void replaceWindow(int b, int o, int count, int endB, int endO) {
        Window w = window;
        int p = 0;
        while (p < count && p < w.n && blk[b][3 * o] == w.s[p] && blk[b][3 * o + 1] == w.e[p] && (int) blk[b][3 * o + 2] == w.a[p]) {
            p++;
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
        }
        int q = 0;
        int qb = endB;
        int qo = endO;
        while (q < count - p && q < w.n - p) {
            if (qo == 0) {
                qb--;
                qo = bn[qb];
            }
            int last = w.n - 1 - q;
            if (blk[qb][3 * (qo - 1)] != w.s[last] || blk[qb][3 * (qo - 1) + 1] != w.e[last] || (int) blk[qb][3 * (qo - 1) + 2] != w.a[last]) {
                break;
            }
            qo--;
            q++;
        }
        int removed = count - p - q;
        int added = w.n - p - q;
        if (removed == 0 && added == 0) {
            return;
        }
        if (sink != null) {
            Window old = removedScratch;
            old.clear();
            int cb = b;
            int co = o;
            for (int k = 0; k < removed; k++) {
                old.add(blk[cb][3 * co], blk[cb][3 * co + 1], (int) blk[cb][3 * co + 2]);
                if (++co == bn[cb]) {
                    cb++;
                    co = 0;
                }
            }
            sink.replaced(old.s, old.e, old.a, 0, removed, w.s, w.e, w.a, p, added);
        }
        replaceAt(b, o, removed, w.s, w.e, w.a, p, added);
    }

    /** Applies a recorded change: {@code oldCount} entries from the one starting at {@code firstOldStart} become the new ones. */
    public void applyReplacement(long firstOldStart, int oldCount, long[] s, long[] e, int[] a, int from, int count) {
        locateStart(oldCount > 0 ? firstOldStart : s[from]);
        if (sink != null) {
            Window old = removedScratch;
            old.clear();
            int cb = pb;
            int co = po;
            for (int k = 0; k < oldCount; k++) {
                old.add(blk[cb][3 * co], blk[cb][3 * co + 1], (int) blk[cb][3 * co + 2]);
                if (++co == bn[cb]) {
                    cb++;
                    co = 0;
                }
            }
            sink.replaced(old.s, old.e, old.a, 0, oldCount, s, e, a, from, count);
        }
        replaceAt(pb, po, oldCount, s, e, a, from, count);
    }

    /**
     * The block-level splice: entries [(b, o), +removed) become {@code added} new ones. The blocks from
     * {@code b} to the one holding the last removed entry are rebuilt (usually one block, in place).
     */
    private void replaceAt(int b, int o, int removed, long[] s, long[] e, int[] a, int from, int added) {
        if (b == nb) {
            if (nb > 0 && bn[nb - 1] + added <= CAP) {
                b = nb - 1;
                o = bn[b];
            } else {
                insertBlock(nb, new long[3 * CAP], 0);
                o = 0;
            }
        }
        int lastB = b;
        int lastO = o + removed;
        while (lastO > bn[lastB]) {
            lastO -= bn[lastB];
            lastB++;
        }
        n += added - removed;
        indexStale = true;
        if (lastB == b && bn[b] - removed + added <= CAP) {
            int tail = bn[b] - o - removed;
            long[] block = blk[b];
            if (added != removed && tail > 0) {
                System.arraycopy(block, 3 * (o + removed), block, 3 * (o + added), 3 * tail);
            }
            put(block, o, s, e, a, from, added);
            bn[b] += added - removed;
            settle(b);
            return;
        }
        int suffix = bn[lastB] - lastO;
        int total = o + added + suffix;
        long[] all = new long[3 * total];
        System.arraycopy(blk[b], 0, all, 0, 3 * o);
        put(all, o, s, e, a, from, added);
        System.arraycopy(blk[lastB], 3 * lastO, all, 3 * (o + added), 3 * suffix);
        removeBlocks(b, lastB - b + 1);
        int pieces = (total + FILL - 1) / FILL;
        for (int k = 0; k < pieces; k++) {
            int lo = (int) ((long) total * k / pieces);
            int hi = (int) ((long) total * (k + 1) / pieces);
            long[] block = new long[3 * CAP];
            System.arraycopy(all, 3 * lo, block, 0, 3 * (hi - lo));
            insertBlock(b + k, block, hi - lo);
        }
        if (pieces > 0) {
            settle(b + pieces - 1);
        } else if (b > 0) {
            settle(b - 1);
        }
    }

    /** After block {@code b} changed: drop it if empty, join it with its next block if both are small. */
    private void settle(int b) {
        if (bn[b] == 0) {
            removeBlocks(b, 1);
            return;
        }
        lastEnd[b] = blk[b][3 * (bn[b] - 1) + 1];
        if (b + 1 < nb && bn[b] + bn[b + 1] <= CAP / 2) {
            int m = bn[b];
            int k = bn[b + 1];
            System.arraycopy(blk[b + 1], 0, blk[b], 3 * m, 3 * k);
            bn[b] = m + k;
            lastEnd[b] = blk[b][3 * (bn[b] - 1) + 1];
            removeBlocks(b + 1, 1);
        } else if (b > 0 && bn[b - 1] + bn[b] <= CAP / 2) {
            settle(b - 1);
        }
    }

    private void insertBlock(int at, long[] block, int count) {
        if (nb == bn.length) {
            int cap = nb * 2;
            blk = Arrays.copyOf(blk, cap);
            bn = Arrays.copyOf(bn, cap);
            lastEnd = Arrays.copyOf(lastEnd, cap);
        }
        int tail = nb - at;
        System.arraycopy(blk, at, blk, at + 1, tail);
        System.arraycopy(bn, at, bn, at + 1, tail);
        System.arraycopy(lastEnd, at, lastEnd, at + 1, tail);
        blk[at] = block;
        bn[at] = count;
        lastEnd[at] = count > 0 ? block[3 * (count - 1) + 1] : Long.MIN_VALUE;
        nb++;
        indexStale = true;
    }

    private void removeBlocks(int at, int count) {
        int tail = nb - at - count;
        System.arraycopy(blk, at + count, blk, at, tail);
        System.arraycopy(bn, at + count, bn, at, tail);
        System.arraycopy(lastEnd, at + count, lastEnd, at, tail);
        nb -= count;
        for (int k = nb; k < nb + count; k++) {
            blk[k] = null;
        }
        indexStale = true;
    }

    /** Scratch entries: the new window, or the old entries being replaced. */
    private static final class Window {
        long[] s = new long[16];
        long[] e = new long[16];
        int[] a = new int[16];
        int n;

        void clear() {
            n = 0;
        }

        /** Appends, merging with the previous entry when contiguous with the same attribute. */
        void push(long start, long end, int attr) {
            if (n > 0 && e[n - 1] == start && a[n - 1] == attr) {
                e[n - 1] = end;
                return;
            }
            add(start, end, attr);
        }

        /** Appends as is (a copy of existing entries). */
        void add(long start, long end, int attr) {
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
                a = Arrays.copyOf(a, n * 2);
            }
            s[n] = start;
            e[n] = end;
            a[n] = attr;
            n++;
        }
    }
}
