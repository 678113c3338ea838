package org.vmatlas.model.internal;

import java.util.function.IntUnaryOperator;

/**
 * The one way a {@link VmaCore} changes, with Linux's merge rule: the old window is the left neighbour,
 * the regions overlapping {@code [lo, hi)} and the right neighbour; the new window is what they become,
 * equal contiguous neighbours merged. Only the differing middle is spliced into the {@link Blocks}, and a
 * {@link DiffSink}, if any, is told the old and new entries first.
 */
final class WindowRewrite {

    static final int MAP = 0;
    static final int UNMAP = 1;
    static final int RETAG = 2;

    private final Blocks blocks;
    private final RegionWindow window = new RegionWindow();
    private final RegionWindow removedScratch = new RegionWindow();
    DiffSink sink;

    WindowRewrite(Blocks blocks) {
        this.blocks = blocks;
    }

    /**
     * Rewrites {@code [lo, hi)} once the cursor holds the first entry whose end is above {@code lo}: maps
     * it with attribute {@code arg} ({@link #MAP}), unmaps it, or retags its pieces through {@code change}
     * or, without one, to protection {@code arg} ({@link #RETAG}).
     */
    void rewrite(long lo, long hi, int mode, int arg, IntUnaryOperator change) {
        // nothing changes the blocks before the splice at the end, so the arrays are read through locals
        long[][] blk = blocks.blk;
        int[] bn = blocks.bn;
        int nb = blocks.nb;
        int ib = blocks.pb;
        int io = blocks.po;
        boolean overlaps = ib < nb && blk[ib][3 * io] < hi;
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
        RegionWindow w = window;
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
        long[][] blk = blocks.blk;
        int[] bn = blocks.bn;
        RegionWindow w = window;
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
            report(b, o, removed, w.s, w.e, w.a, p, added);
        }
        blocks.splice(b, o, removed, w.s, w.e, w.a, p, added);
    }

    /** Applies a recorded change at the cursor: {@code oldCount} entries become the {@code count} given ones. */
    void replay(int oldCount, long[] s, long[] e, int[] a, int from, int count) {
        if (sink != null) {
            report(blocks.pb, blocks.po, oldCount, s, e, a, from, count);
        }
        blocks.splice(blocks.pb, blocks.po, oldCount, s, e, a, from, count);
    }

    /** Tells the sink which {@code removed} entries from (b, o) the given ones are about to replace. */
    private void report(int b, int o, int removed, long[] s, long[] e, int[] a, int from, int added) {
        long[][] blk = blocks.blk;
        int[] bn = blocks.bn;
        RegionWindow old = removedScratch;
        old.clear();
        for (int k = 0; k < removed; k++) {
            old.add(blk[b][3 * o], blk[b][3 * o + 1], (int) blk[b][3 * o + 2]);
            if (++o == bn[b]) {
                b++;
                o = 0;
            }
        }
        sink.replaced(old.s, old.e, old.a, 0, removed, s, e, a, from, added);
    }
}
