/*
 * Baseline for `bench/run model`: the region model a first version would write, a TreeMap from start page
 * to a mutable region, applying the benchmark's op stream (see README.md here) with the kernel's rules for
 * private anonymous memory in a 1 GiB arena, in page units:
 *   mmap MAP_FIXED  replaces whatever lies in [lo, hi), then joins equal neighbours;
 *   munmap          cuts [lo, hi) out, splitting regions that straddle its ends;
 *   mprotect        fails (ENOMEM, no change) when lo is unmapped, else changes the mapped run that starts
 *                   at lo up to hi or the first hole, whichever comes first, then joins equal neighbours.
 *
 * ModelBench loads this class by name and calls run(model, ops, null, 0), then reads map.size().
 * Stand-alone: javac -d OUT VmaModel.java && java -cp OUT VmaModel [OPS=1000000] [REPS=7] [CHECKED_OPS=200000]
 */
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

public class VmaModel {

    static final long ARENA_PAGES = 262144;
    static final int[] PROTS = {0, 1, 3, 5};   // NONE, R, RW, RX

    /** [start, end) in pages with one protection; start is also its key in the map. */
    static final class Span {
        final long start;
        long end;
        int prot;

        Span(long start, long end, int prot) {
            this.start = start;
            this.end = end;
            this.prot = prot;
        }
    }

    final TreeMap<Long, Span> map = new TreeMap<>();

    /** Makes {@code at} a region boundary if a region strictly contains it. */
    private void cutAt(long at) {
        Map.Entry<Long, Span> e = map.floorEntry(at);
        if (e != null) {
            Span s = e.getValue();
            if (s.start < at && at < s.end) {
                map.put(at, new Span(at, s.end, s.prot));
                s.end = at;
            }
        }
    }

    /** Removes [lo, hi) from the map. */
    private void clear(long lo, long hi) {
        cutAt(lo);
        cutAt(hi);
        map.subMap(lo, hi).clear();
    }

    /** Joins every pair of touching, equal regions from the one before {@code lo} to the one starting at {@code hi}. */
    private void join(long lo, long hi) {
        Long from = map.lowerKey(lo);
        Iterator<Span> it = map.tailMap(from == null ? lo : from, true).values().iterator();
        Span left = null;
        while (it.hasNext()) {
            Span s = it.next();
            if (s.start > hi) {
                break;
            }
            if (left != null && left.end == s.start && left.prot == s.prot) {
                left.end = s.end;
                it.remove();
            } else {
                left = s;
            }
        }
    }

    void mmap(long lo, long hi, int prot) {
        clear(lo, hi);
        map.put(lo, new Span(lo, hi, prot));
        join(lo, hi);
    }

    void munmap(long lo, long hi) {
        clear(lo, hi);
    }

    /** Returns false when the kernel would answer ENOMEM (lo unmapped, or a hole before hi). */
    boolean mprotect(long lo, long hi, int prot) {
        Map.Entry<Long, Span> e = map.floorEntry(lo);
        if (e == null || e.getValue().end <= lo) {
            return false;
        }
        long reach = e.getValue().end;   // end of the gap-free run that starts at lo, or hi if that comes first
        for (Span s : map.tailMap(e.getKey(), false).values()) {
            if (reach >= hi || s.start != reach) {
                break;
            }
            reach = s.end;
        }
        long end = Math.min(reach, hi);
        cutAt(lo);
        cutAt(end);
        for (Span s : map.subMap(lo, end).values()) {
            s.prot = prot;
        }
        join(lo, end);
        return end == hi;
    }

    // The op stream: splitmix64 from 42, draw(n) = (next >>> 1) % n, the same sequence as kernelref.c.
    private static long state;

    private static long draw(long n) {
        long x = state += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (x >>> 1) % n;
    }

    /**
     * Applies the first {@code ops} ops of the stream to {@code model}. With a {@code shadow} (one byte per
     * page: 0 unmapped, else prot + 1) the same ops are applied page by page there too, and the model is
     * compared with it every {@code checkEvery} ops.
     */
    static void run(VmaModel model, int ops, byte[] shadow, int checkEvery) {
        state = 42;
        for (int i = 1; i <= ops; i++) {
            long kind = draw(10);
            long lo = draw(ARENA_PAGES);
            long hi = Math.min(lo + 1 + draw(256), ARENA_PAGES);
            int prot = PROTS[(int) draw(4)];
            if (kind < 4) {
                model.mmap(lo, hi, prot);
            } else if (kind < 7) {
                model.munmap(lo, hi);
            } else {
                model.mprotect(lo, hi, prot);
            }
            if (shadow != null) {
                shade(shadow, kind, (int) lo, (int) hi, prot);
                if (i % checkEvery == 0 || i == ops) {
                    model.verify(shadow, i);
                }
            }
        }
    }

    private static void shade(byte[] shadow, long kind, int lo, int hi, int prot) {
        if (kind < 4) {
            Arrays.fill(shadow, lo, hi, (byte) (prot + 1));
        } else if (kind < 7) {
            Arrays.fill(shadow, lo, hi, (byte) 0);
        } else {
            for (int p = lo; p < hi && shadow[p] != 0; p++) {
                shadow[p] = (byte) (prot + 1);
            }
        }
    }

    /** The map must hold exactly the maximal runs of equal, non-zero pages of the shadow. */
    private void verify(byte[] shadow, int afterOps) {
        Iterator<Span> it = map.values().iterator();
        int p = 0;
        while (p < shadow.length) {
            if (shadow[p] == 0) {
                p++;
                continue;
            }
            int q = p;
            while (q < shadow.length && shadow[q] == shadow[p]) {
                q++;
            }
            Span s = it.hasNext() ? it.next() : null;
            if (s == null || s.start != p || s.end != q || s.prot + 1 != shadow[p]) {
                throw new AssertionError("after " + afterOps + " ops: expected [" + p + ", " + q + ") prot "
                        + (shadow[p] - 1) + ", model has " + (s == null ? "nothing" : "[" + s.start + ", " + s.end
                        + ") prot " + s.prot));
            }
            p = q;
        }
        if (it.hasNext()) {
            throw new AssertionError("after " + afterOps + " ops: model has regions past the last mapped page");
        }
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int checked = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        if (checked > 0) {
            run(new VmaModel(), checked, new byte[(int) ARENA_PAGES], 10_000);
            System.out.println("# checked against a page-by-page shadow every 10000 ops for " + checked + " ops: OK");
        }
        double[] rates = new double[reps];
        int regions = 0;
        for (int r = -2; r < reps; r++) {   // two warm-up repetitions
            VmaModel model = new VmaModel();
            long t0 = System.nanoTime();
            run(model, ops, null, 0);
            long ns = System.nanoTime() - t0;
            regions = model.map.size();
            if (r >= 0) {
                rates[r] = ops / (ns / 1e9);
            }
        }
        Arrays.sort(rates);
        System.out.printf("TreeMap model: %d ops, %d regions at the end; ops/s min %.0f median %.0f max %.0f "
                + "(%.1f ns/op at the median)%n", ops, regions, rates[0], rates[reps / 2], rates[reps - 1],
                1e9 / rates[reps / 2]);
    }
}
