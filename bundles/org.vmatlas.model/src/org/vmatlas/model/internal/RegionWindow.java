package org.vmatlas.model.internal;

import java.util.Arrays;

/**
 * A short run of entries in parallel arrays: the regions a change turns a window into, merged as they are
 * pushed, or a copy of the entries it removes for a {@link DiffSink}. Reused from change to change, so a
 * change allocates nothing once the arrays have grown to the widest window seen.
 */
final class RegionWindow {
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
