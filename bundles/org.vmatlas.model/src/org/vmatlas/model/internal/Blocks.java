package org.vmatlas.model.internal;

import java.util.Arrays;

/**
 * The storage of a {@link VmaCore}: its ordered regions in blocks of at most {@link #CAP} entries, each one
 * {@code long[]} interleaving start, end and attribute id, a cursor the searches leave on an entry, and the
 * splice that replaces entries and keeps the blocks between a quarter and all of {@code CAP} full. The
 * fields are open to the core's other parts so that their loops index the arrays directly.
 */
final class Blocks {

    static final int CAP = 64;
    /** Entries per block when blocks are built anew: room left for a few splits before a block overflows. */
    static final int FILL = CAP * 3 / 4;

    /** Per block: start, end and attribute id of each entry, interleaved (one array, one cache stream). */
    long[][] blk = new long[4][];
    int[] bn = new int[4];
    /** End of the last entry of each block: the top level of the search. */
    long[] lastEnd = new long[4];
    int nb;
    int n;
    /** Set by every change of the block layout, so that entry positions are counted again before use. */
    boolean layoutChanged;

    /** Position found by the last search: block and offset ({@code pb == nb} is the end). */
    int pb;
    int po;

    /** Appends sorted entries that all lie above the present ones, in blocks filled to {@link #FILL}. */
    void append(long[] s, long[] e, int[] a, int count) {
        for (int from = 0; from < count; from += FILL) {
            int len = Math.min(FILL, count - from);
            long[] block = new long[3 * CAP];
            put(block, 0, s, e, a, from, len);
            insertBlock(nb, block, len);
        }
        n += count;
        layoutChanged = true;
    }

    /** Sets (pb, po) to the first entry whose end is above {@code address}. */
    void locateEnd(long address) {
        int b = SortedSearch.firstAbove(lastEnd, nb, address);
        pb = b;
        po = b == nb ? 0 : SortedSearch.firstEndAbove(blk[b], bn[b], address);
    }

    /** Sets (pb, po) to the first entry starting at or above {@code address}. */
    void locateStart(long address) {
        locateEnd(address);
        if (pb < nb && blk[pb][3 * po] < address) {
            advance();
        }
    }

    void advance() {
        if (++po == bn[pb]) {
            pb++;
            po = 0;
        }
    }

    boolean atEnd() {
        return pb >= nb;
    }

    /** Writes {@code count} entries from parallel arrays into a block at entry {@code at}. */
    static void put(long[] block, int at, long[] s, long[] e, int[] a, int from, int count) {
        for (int k = 0; k < count; k++) {
            int d = 3 * (at + k);
            block[d] = s[from + k];
            block[d + 1] = e[from + k];
            block[d + 2] = a[from + k];
        }
    }

    /**
     * Entries [(b, o), +removed) become {@code added} new ones. The blocks from {@code b} to the one holding
     * the last removed entry are rebuilt (usually one block, in place).
     */
    void splice(int b, int o, int removed, long[] s, long[] e, int[] a, int from, int added) {
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
        layoutChanged = true;
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
        layoutChanged = true;
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
        layoutChanged = true;
    }
}
