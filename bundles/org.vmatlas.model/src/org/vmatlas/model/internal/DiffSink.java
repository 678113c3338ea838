package org.vmatlas.model.internal;

/**
 * Receives every change a {@link VmaCore} makes, as one replaced run of entries: the removed entries, then
 * the entries that took their place at the same index. The timeline stores these to seek backwards and
 * forwards.
 */
public interface DiffSink {

    void replaced(long[] oldStarts, long[] oldEnds, int[] oldAttrs, int oldFrom, int oldCount, long[] newStarts,
            long[] newEnds, int[] newAttrs, int newFrom, int newCount);
}
