package org.vmatlas.model.internal;

/**
 * A {@link VmaCore}'s regions by position, for tests and observed snapshots: the i-th entry found through
 * prefix counts of the blocks, counted again only after the block layout changed, and the export of all
 * entries into parallel arrays. Changes never pay for the positions; only a read after a change does.
 */
final class EntryIndex {

    private final Blocks blocks;
    private int[] firstIndex = new int[5];
    /** Block and offset of the last entry sought. */
    private int sb;
    private int so;

    EntryIndex(Blocks blocks) {
        this.blocks = blocks;
    }

    private void seek(int i) {
        Blocks st = blocks;
        if (st.layoutChanged) {
            if (firstIndex.length < st.nb + 1) {
                firstIndex = new int[st.nb * 2 + 1];
            }
            for (int b = 0; b < st.nb; b++) {
                firstIndex[b + 1] = firstIndex[b] + st.bn[b];
            }
            st.layoutChanged = false;
        }
        int lo = 0;
        int hi = st.nb - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstIndex[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        sb = lo;
        so = i - firstIndex[lo];
    }

    long start(int i) {
        seek(i);
        return blocks.blk[sb][3 * so];
    }

    long end(int i) {
        seek(i);
        return blocks.blk[sb][3 * so + 1];
    }

    int attr(int i) {
        seek(i);
        return (int) blocks.blk[sb][3 * so + 2];
    }

    /** Copies every entry, in address order, into the parallel arrays (each at least as long as the core). */
    void copyTo(long[] s, long[] e, int[] a) {
        Blocks st = blocks;
        int at = 0;
        for (int b = 0; b < st.nb; b++) {
            long[] block = st.blk[b];
            for (int o = 0; o < st.bn[b]; o++) {
                s[at] = block[3 * o];
                e[at] = block[3 * o + 1];
                a[at] = (int) block[3 * o + 2];
                at++;
            }
        }
    }
}
