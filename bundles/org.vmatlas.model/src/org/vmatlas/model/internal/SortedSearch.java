package org.vmatlas.model.internal;

/**
 * The two binary searches of a {@link VmaCore}: over the blocks' last ends, then over the ends inside one
 * block. Both run without a data-dependent branch in the loop (the JIT turns the choice into a conditional
 * move), because mispredicted branches were a quarter of the time of an operation.
 */
final class SortedSearch {

    private SortedSearch() {
    }

    /** Index of the first of {@code count} sorted values above {@code address}, or {@code count}. */
    static int firstAbove(long[] sorted, int count, long address) {
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

    /** {@link #firstAbove} over the ends of an interleaved block of {@code count} (at least one) entries. */
    static int firstEndAbove(long[] block, int count, long address) {
        int base = 0;
        int len = count;
        while (len > 1) {
            int half = len >>> 1;
            base = block[3 * (base + half - 1) + 1] <= address ? base + half : base;
            len -= half;
        }
        return block[3 * base + 1] <= address ? base + 1 : base;
    }
}
