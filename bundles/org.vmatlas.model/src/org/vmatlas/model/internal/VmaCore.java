package org.vmatlas.model.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The mutable address-space core: ordered, non-overlapping regions in three parallel primitive arrays
 * (start, end, interned attribute id), split and merged the way Linux splits and merges its VMAs. Every
 * change goes through one primitive, {@link #rewrite}: rebuild the window of regions touching a range and
 * its two neighbours, merge equal neighbours, and splice only what differs. The arrays keep slack at both
 * ends so a splice moves the shorter side (half the copying of a plain array list). Not thread-safe; the
 * session that owns a core guards it.
 */
public final class VmaCore {

    private static final int MAP = 0;
    private static final int UNMAP = 1;
    private static final int RETAG = 2;

    private long[] starts;
    private long[] ends;
    private int[] attrs;
    private int head;
    private int n;
    private DiffSink sink;

    private long[] ws = new long[16];
    private long[] we = new long[16];
    private int[] wa = new int[16];
    private int wn;

    public VmaCore() {
        this(new long[0], new long[0], new int[0], 0);
    }

    /** A core holding a copy of the given sorted, non-overlapping entries. */
    public VmaCore(long[] s, long[] e, int[] a, int count) {
        int cap = Math.max(64, count * 2);
        starts = new long[cap];
        ends = new long[cap];
        attrs = new int[cap];
        head = (cap - count) / 2;
        n = count;
        System.arraycopy(s, 0, starts, head, count);
        System.arraycopy(e, 0, ends, head, count);
        System.arraycopy(a, 0, attrs, head, count);
    }

    public VmaCore copy() {
        return new VmaCore(Arrays.copyOfRange(starts, head, head + n), Arrays.copyOfRange(ends, head, head + n),
                Arrays.copyOfRange(attrs, head, head + n), n);
    }

    public void setSink(DiffSink newSink) {
        sink = newSink;
    }

    public int size() {
        return n;
    }

    public long start(int i) {
        return starts[head + i];
    }

    public long end(int i) {
        return ends[head + i];
    }

    public int attr(int i) {
        return attrs[head + i];
    }

    public void copyTo(long[] s, long[] e, int[] a) {
        System.arraycopy(starts, head, s, 0, n);
        System.arraycopy(ends, head, e, 0, n);
        System.arraycopy(attrs, head, a, 0, n);
    }

    /** Index of the first region whose end is above {@code address} (the one containing it, or the next). */
    public int indexAfter(long address) {
        int lo = head;
        int hi = head + n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - head;
    }

    /** Index of the first region starting at or above {@code address}. */
    public int indexFrom(long address) {
        int lo = head;
        int hi = head + n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - head;
    }

    /** Index of the region containing {@code address}, or -1. */
    public int find(long address) {
        int i = indexAfter(address);
        return i < n && start(i) <= address ? i : -1;
    }

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

    private void rewrite(long lo, long hi, int mode, int arg, IntUnaryOperator change) {
        int i = indexAfter(lo);
        int j = i;
        while (j < n && starts[head + j] < hi) {
            j++;
        }
        if (mode != MAP && i == j) {
            return;
        }
        int wi = i > 0 ? i - 1 : i;
        int wj = j < n ? j + 1 : j;
        wn = 0;
        for (int k = wi; k < i; k++) {
            push(starts[head + k], ends[head + k], attrs[head + k]);
        }
        if (i < j && starts[head + i] < lo) {
            push(starts[head + i], lo, attrs[head + i]);
        }
        if (mode == MAP) {
            push(lo, hi, arg);
        } else if (mode == RETAG) {
            for (int k = i; k < j; k++) {
                int old = attrs[head + k];
                int now = change != null ? change.applyAsInt(old) : Attrs.reprotected(old, arg);
                push(Math.max(starts[head + k], lo), Math.min(ends[head + k], hi), now);
            }
        }
        if (i < j && ends[head + j - 1] > hi) {
            push(hi, ends[head + j - 1], attrs[head + j - 1]);
        }
        for (int k = j; k < wj; k++) {
            push(starts[head + k], ends[head + k], attrs[head + k]);
        }
        replaceWindow(wi, wj - wi);
    }

    private void push(long s, long e, int a) {
        if (wn > 0 && we[wn - 1] == s && wa[wn - 1] == a) {
            we[wn - 1] = e;
            return;
        }
        if (wn == ws.length) {
            ws = Arrays.copyOf(ws, wn * 2);
            we = Arrays.copyOf(we, wn * 2);
            wa = Arrays.copyOf(wa, wn * 2);
        }
        ws[wn] = s;
        we[wn] = e;
        wa[wn] = a;
        wn++;
    }

    /** Replaces {@code count} entries from index {@code from} by the window, keeping equal ends untouched. */
    private void replaceWindow(int from, int count) {
        int p = 0;
        while (p < count && p < wn && same(from + p, p)) {
            p++;
        }
        int q = 0;
        while (q < count - p && q < wn - p && same(from + count - 1 - q, wn - 1 - q)) {
            q++;
        }
        int removed = count - p - q;
        int added = wn - p - q;
        if (removed == 0 && added == 0) {
            return;
        }
        if (sink != null) {
            sink.replaced(starts, ends, attrs, head + from + p, removed, ws, we, wa, p, added);
        }
        splice(from + p, removed, ws, we, wa, p, added);
    }

    private boolean same(int index, int w) {
        int k = head + index;
        return starts[k] == ws[w] && ends[k] == we[w] && attrs[k] == wa[w];
    }

    /** Applies a recorded change: {@code oldCount} entries equal to the given old ones become the new ones. */
    public void applyReplacement(long firstOldStart, int oldCount, long[] s, long[] e, int[] a, int from, int count) {
        int at = oldCount > 0 ? indexFrom(firstOldStart) : indexFrom(s[from]);
        if (sink != null) {
            sink.replaced(starts, ends, attrs, head + at, oldCount, s, e, a, from, count);
        }
        splice(at, oldCount, s, e, a, from, count);
    }

    private void splice(int at, int removed, long[] s, long[] e, int[] a, int from, int added) {
        int delta = added - removed;
        if (delta != 0) {
            makeRoom(at, removed, delta);
        }
        System.arraycopy(s, from, starts, head + at, added);
        System.arraycopy(e, from, ends, head + at, added);
        System.arraycopy(a, from, attrs, head + at, added);
    }

    /** Shifts the shorter side by {@code delta} so that {@code removed} slots at {@code at} become {@code removed + delta}. */
    private void makeRoom(int at, int removed, int delta) {
        int prefix = at;
        int suffix = n - at - removed;
        boolean left = prefix < suffix;
        if (delta > 0 && (left ? head < delta : head + n + delta > starts.length)) {
            if (head >= delta) {
                left = true;
            } else if (head + n + delta <= starts.length) {
                left = false;
            } else {
                recentre(n + delta);
                left = prefix < suffix;
            }
        }
        if (left) {
            move(head, head - delta, prefix);
            head -= delta;
        } else {
            int src = head + at + removed;
            move(src, src + delta, suffix);
        }
        n += delta;
    }


    private void move(int from, int to, int count) {
        if (count > 0) {
            System.arraycopy(starts, from, starts, to, count);
            System.arraycopy(ends, from, ends, to, count);
            System.arraycopy(attrs, from, attrs, to, count);
        }
    }

    private void recentre(int needed) {
        int cap = Math.max(starts.length, needed * 2 + 64);
        int newHead = (cap - n) / 2;
        long[] s = new long[cap];
        long[] e = new long[cap];
        int[] a = new int[cap];
        System.arraycopy(starts, head, s, newHead, n);
        System.arraycopy(ends, head, e, newHead, n);
        System.arraycopy(attrs, head, a, newHead, n);
        starts = s;
        ends = e;
        attrs = a;
        head = newHead;
    }

    /** Visits the pieces of regions inside {@code [lo, hi)}, clipped to it. */
    public void forEach(long lo, long hi, RegionVisitor visitor) {
        for (int i = indexAfter(lo); i < n && starts[head + i] < hi; i++) {
            visitor.visit(Math.max(starts[head + i], lo), Math.min(ends[head + i], hi), attrs[head + i]);
        }
    }

    /** A piece of a region and its attribute id. */
    @FunctionalInterface
    public interface RegionVisitor {
        void visit(long start, long end, int attr);
    }

    /** Attribute id of the region containing {@code address}, or -1 when it is free. */
    public int attrAt(long address) {
        int i = find(address);
        return i < 0 ? -1 : attrs[head + i];
    }

    /** {@code true} when no page of {@code [lo, hi)} is mapped. */
    public boolean isFree(long lo, long hi) {
        int i = indexAfter(lo);
        return i == n || starts[head + i] >= hi;
    }

    /**
     * End of the contiguous mapped run that starts at {@code lo}, capped at {@code hi}; {@code lo} itself
     * when {@code lo} is free. Linux's {@code mprotect} applies up to there and stops at the first hole.
     */
    public long mappedRunEnd(long lo, long hi) {
        int i = indexAfter(lo);
        if (i == n || starts[head + i] > lo) {
            return lo;
        }
        long cur = ends[head + i];
        while (cur < hi && i + 1 < n && starts[head + i + 1] == cur) {
            i++;
            cur = ends[head + i];
        }
        return Math.min(cur, hi);
    }

    /** Bytes of {@code [lo, hi)} that are mapped, and of those the ones that are accessible (not PROT_NONE). */
    public long mappedBytes(long lo, long hi, boolean accessibleOnly) {
        long sum = 0;
        for (int i = indexAfter(lo); i < n && starts[head + i] < hi; i++) {
            if (!accessibleOnly || Attrs.get(attrs[head + i]).prot() != 0) {
                sum += Math.min(ends[head + i], hi) - Math.max(starts[head + i], lo);
            }
        }
        return sum;
    }

    /** Regions that straddle {@code lo} or {@code hi}: the ones a change of {@code [lo, hi)} splits. */
    public int straddling(long lo, long hi) {
        int count = 0;
        int i = find(lo);
        if (i >= 0 && starts[head + i] < lo) {
            count++;
        }
        int k = find(hi);
        if (k >= 0 && starts[head + k] < hi) {
            count++;
        }
        return count;
    }

    /**
     * Highest free range of {@code length} bytes ending at or below {@code ceiling} and starting at or above
     * {@code floor} (Linux's top-down search), or -1.
     */
    public long highestGap(long length, long floor, long ceiling) {
        long top = ceiling;
        for (int i = indexFrom(ceiling) - 1; i >= 0; i--) {
            long gapStart = Math.max(ends[head + i], floor);
            if (top - gapStart >= length) {
                return top - length;
            }
            top = Math.min(top, starts[head + i]);
            if (top <= floor) {
                return -1;
            }
        }
        return top - floor >= length ? top - length : -1;
    }

    /** Number of VMAs the kernel would show: neighbours whose kernel attributes are equal counted once. */
    public int kernelCount() {
        int count = 0;
        for (int i = 0; i < n; i++) {
            int k = head + i;
            if (i == 0 || ends[k - 1] != starts[k] || Attrs.kernelId(attrs[k - 1]) != Attrs.kernelId(attrs[k])) {
                count++;
            }
        }
        return count;
    }

    /** End of the kernel VMA containing {@code address} (model regions that differ only in state or label joined). */
    public long kernelVmaEnd(long address) {
        int i = find(address);
        if (i < 0) {
            return address;
        }
        int kernel = Attrs.kernelId(attrs[head + i]);
        while (i + 1 < n && starts[head + i + 1] == ends[head + i] && Attrs.kernelId(attrs[head + i + 1]) == kernel) {
            i++;
        }
        return ends[head + i];
    }
}
