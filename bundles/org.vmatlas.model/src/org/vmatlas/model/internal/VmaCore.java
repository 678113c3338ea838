package org.vmatlas.model.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The mutable address-space core: ordered, non-overlapping regions split and merged the way Linux splits
 * and merges its VMAs. Regions live in blocks of at most {@link #CAP} entries, each three parallel primitive
 * arrays (start, end, interned attribute id), so a change copies at most one or two blocks instead of half
 * of a flat array (the flat version spent most of its time in {@code System.arraycopy}). Every change goes
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

    private long[][] bs = new long[4][];
    private long[][] be = new long[4][];
    private int[][] ba = new int[4][];
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
            insertBlock(nb, Arrays.copyOfRange(s, from, from + CAP), Arrays.copyOfRange(e, from, from + CAP),
                    Arrays.copyOfRange(a, from, from + CAP), len);
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
            System.arraycopy(bs[b], 0, s, at, bn[b]);
            System.arraycopy(be[b], 0, e, at, bn[b]);
            System.arraycopy(ba[b], 0, a, at, bn[b]);
            at += bn[b];
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
        return bs[pb][po];
    }

    public long end(int i) {
        seekIndex(i);
        return be[pb][po];
    }

    public int attr(int i) {
        seekIndex(i);
        return ba[pb][po];
    }

    // ---- search ----

    /** Sets (pb, po) to the first entry whose end is above {@code address}. */
    private void locateEnd(long address) {
        int lo = 0;
        int hi = nb;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lastEnd[mid] <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        pb = lo;
        if (lo == nb) {
            po = 0;
            return;
        }
        long[] e = be[lo];
        int l = 0;
        int h = bn[lo] - 1;
        while (l < h) {
            int mid = (l + h) >>> 1;
            if (e[mid] <= address) {
                l = mid + 1;
            } else {
                h = mid;
            }
        }
        po = l;
    }

    /** Sets (pb, po) to the first entry starting at or above {@code address}. */
    private void locateStart(long address) {
        locateEnd(address);
        if (pb < nb && bs[pb][po] < address) {
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
        return !atEnd() && bs[pb][po] <= address ? ba[pb][po] : -1;
    }

    /** {@code true} when exactly this region is in the core. */
    public boolean holds(long start, long end, int attr) {
        locateEnd(start);
        return !atEnd() && bs[pb][po] == start && be[pb][po] == end && ba[pb][po] == attr;
    }

    /** {@code true} when no page of {@code [lo, hi)} is mapped. */
    public boolean isFree(long lo, long hi) {
        locateEnd(lo);
        return atEnd() || bs[pb][po] >= hi;
    }

    /** Visits the pieces of regions inside {@code [lo, hi)}, clipped to it. */
    public void forEach(long lo, long hi, RegionVisitor visitor) {
        locateEnd(lo);
        int b = pb;
        int o = po;
        while (b < nb && bs[b][o] < hi) {
            visitor.visit(Math.max(bs[b][o], lo), Math.min(be[b][o], hi), ba[b][o]);
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
        if (atEnd() || bs[pb][po] > lo) {
            return lo;
        }
        long cur = be[pb][po];
        advance();
        while (cur < hi && !atEnd() && bs[pb][po] == cur) {
            cur = be[pb][po];
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
        boolean left = !atEnd() && bs[pb][po] < lo;
        long leftEnd = left ? be[pb][po] : -1;
        locateEnd(hi);
        boolean right = !atEnd() && bs[pb][po] < hi && be[pb][po] != leftEnd;
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
            long gapStart = Math.max(be[b][o], floor);
            if (top - gapStart >= length) {
                return top - length;
            }
            top = Math.min(top, bs[b][o]);
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
                int kernel = Attrs.kernelId(ba[b][o]);
                if (bs[b][o] != prevEnd || kernel != prevKernel) {
                    count++;
                }
                prevEnd = be[b][o];
                prevKernel = kernel;
            }
        }
        return count;
    }

    /** End of the kernel VMA containing {@code address} (model regions that differ only in state or label joined). */
    public long kernelVmaEnd(long address) {
        locateEnd(address);
        if (atEnd() || bs[pb][po] > address) {
            return address;
        }
        int kernel = Attrs.kernelId(ba[pb][po]);
        long end = be[pb][po];
        advance();
        while (!atEnd() && bs[pb][po] == end && Attrs.kernelId(ba[pb][po]) == kernel) {
            end = be[pb][po];
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
        int ib = pb;
        int io = po;
        boolean overlaps = !atEnd() && bs[pb][po] < hi;
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
            w.push(bs[b][o], be[b][o], ba[b][o]);
            oldCount++;
            b = ib;
            o = io;
        }
        if (overlaps && bs[b][o] < lo) {
            w.push(bs[b][o], lo, ba[b][o]);
        }
        if (mode == MAP) {
            w.push(lo, hi, arg);
        }
        long tailEnd = -1;
        int tailAttr = 0;
        while (b < nb && bs[b][o] < hi) {
            if (mode == RETAG) {
                int old = ba[b][o];
                int now = change != null ? change.applyAsInt(old) : Attrs.reprotected(old, arg);
                w.push(Math.max(bs[b][o], lo), Math.min(be[b][o], hi), now);
            }
            tailEnd = be[b][o];
            tailAttr = ba[b][o];
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
            w.push(bs[b][o], be[b][o], ba[b][o]);
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
        while (p < count && p < w.n && bs[b][o] == w.s[p] && be[b][o] == w.e[p] && ba[b][o] == w.a[p]) {
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
            if (bs[qb][qo - 1] != w.s[last] || be[qb][qo - 1] != w.e[last] || ba[qb][qo - 1] != w.a[last]) {
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
                old.add(bs[cb][co], be[cb][co], ba[cb][co]);
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
                old.add(bs[cb][co], be[cb][co], ba[cb][co]);
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
                insertBlock(nb, new long[CAP], new long[CAP], new int[CAP], 0);
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
            long[] ss = bs[b];
            long[] ee = be[b];
            int[] aa = ba[b];
            if (added != removed && tail > 0) {
                System.arraycopy(ss, o + removed, ss, o + added, tail);
                System.arraycopy(ee, o + removed, ee, o + added, tail);
                System.arraycopy(aa, o + removed, aa, o + added, tail);
            }
            System.arraycopy(s, from, ss, o, added);
            System.arraycopy(e, from, ee, o, added);
            System.arraycopy(a, from, aa, o, added);
            bn[b] += added - removed;
            settle(b);
            return;
        }
        int suffix = bn[lastB] - lastO;
        int total = o + added + suffix;
        long[] ts = new long[total];
        long[] te = new long[total];
        int[] ta = new int[total];
        System.arraycopy(bs[b], 0, ts, 0, o);
        System.arraycopy(be[b], 0, te, 0, o);
        System.arraycopy(ba[b], 0, ta, 0, o);
        System.arraycopy(s, from, ts, o, added);
        System.arraycopy(e, from, te, o, added);
        System.arraycopy(a, from, ta, o, added);
        System.arraycopy(bs[lastB], lastO, ts, o + added, suffix);
        System.arraycopy(be[lastB], lastO, te, o + added, suffix);
        System.arraycopy(ba[lastB], lastO, ta, o + added, suffix);
        removeBlocks(b, lastB - b + 1);
        int pieces = (total + FILL - 1) / FILL;
        for (int k = 0; k < pieces; k++) {
            int lo = (int) ((long) total * k / pieces);
            int hi = (int) ((long) total * (k + 1) / pieces);
            insertBlock(b + k, Arrays.copyOfRange(ts, lo, lo + CAP), Arrays.copyOfRange(te, lo, lo + CAP),
                    Arrays.copyOfRange(ta, lo, lo + CAP), hi - lo);
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
        lastEnd[b] = be[b][bn[b] - 1];
        if (b + 1 < nb && bn[b] + bn[b + 1] <= CAP / 2) {
            int m = bn[b];
            int k = bn[b + 1];
            System.arraycopy(bs[b + 1], 0, bs[b], m, k);
            System.arraycopy(be[b + 1], 0, be[b], m, k);
            System.arraycopy(ba[b + 1], 0, ba[b], m, k);
            bn[b] = m + k;
            lastEnd[b] = be[b][bn[b] - 1];
            removeBlocks(b + 1, 1);
        } else if (b > 0 && bn[b - 1] + bn[b] <= CAP / 2) {
            settle(b - 1);
        }
    }

    private void insertBlock(int at, long[] s, long[] e, int[] a, int count) {
        if (nb == bn.length) {
            int cap = nb * 2;
            bs = Arrays.copyOf(bs, cap);
            be = Arrays.copyOf(be, cap);
            ba = Arrays.copyOf(ba, cap);
            bn = Arrays.copyOf(bn, cap);
            lastEnd = Arrays.copyOf(lastEnd, cap);
        }
        int tail = nb - at;
        System.arraycopy(bs, at, bs, at + 1, tail);
        System.arraycopy(be, at, be, at + 1, tail);
        System.arraycopy(ba, at, ba, at + 1, tail);
        System.arraycopy(bn, at, bn, at + 1, tail);
        System.arraycopy(lastEnd, at, lastEnd, at + 1, tail);
        bs[at] = s;
        be[at] = e;
        ba[at] = a;
        bn[at] = count;
        lastEnd[at] = count > 0 ? e[count - 1] : Long.MIN_VALUE;
        nb++;
        indexStale = true;
    }

    private void removeBlocks(int at, int count) {
        int tail = nb - at - count;
        System.arraycopy(bs, at + count, bs, at, tail);
        System.arraycopy(be, at + count, be, at, tail);
        System.arraycopy(ba, at + count, ba, at, tail);
        System.arraycopy(bn, at + count, bn, at, tail);
        System.arraycopy(lastEnd, at + count, lastEnd, at, tail);
        nb -= count;
        for (int k = nb; k < nb + count; k++) {
            bs[k] = null;
            be[k] = null;
            ba[k] = null;
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
