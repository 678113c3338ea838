package org.vmatlas.trace.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/**
 * Compares a model with the kernel page by page: which pages are mapped, with which protection, shared or
 * private. Where the kernel keeps two equal neighbours apart for reasons no call shows ({@code anon_vma}), the
 * model may hold one mapping; that is no difference a trace could have explained, so runs of equal pages are
 * compared, not mappings.
 */
public final class PageRuns {

    private PageRuns() {
    }

    /** {@code null} when both map the same pages alike; else the first difference, for people. */
    public static String difference(List<Mapping> model, List<Mapping> kernel) {
        List<long[]> a = runs(model);
        List<long[]> b = runs(kernel);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            long[] x = a.get(i);
            long[] y = b.get(i);
            if (x[0] != y[0] || x[1] != y[1] || x[2] != y[2]) {
                return "model " + describe(x) + " but kernel " + describe(y);
            }
        }
        if (a.size() != b.size()) {
            return a.size() > b.size() ? "model " + describe(a.get(b.size())) + " but the kernel has nothing there"
                    : "kernel " + describe(b.get(a.size())) + " but the model has nothing there";
        }
        return null;
    }

    /** Neighbours with the same protection and sharing joined: {start, end, prot | shared << 8}. */
    static List<long[]> runs(List<Mapping> mappings) {
        List<long[]> out = new ArrayList<>();
        for (Mapping m : mappings) {
            long kind = m.prot() | (m.shared() ? 1 << 8 : 0);
            long[] last = out.isEmpty() ? null : out.getLast();
            if (last != null && last[1] == m.start() && last[2] == kind) {
                last[1] = m.end();
            } else {
                out.add(new long[] {m.start(), m.end(), kind});
            }
        }
        return out;
    }

    private static String describe(long[] run) {
        return Long.toHexString(run[0]) + "-" + Long.toHexString(run[1]) + " " + Prot.letters((int) run[2] & 0xff)
                + ((run[2] & 1 << 8) != 0 ? "s" : "p");
    }
}
