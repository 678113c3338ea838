package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The simplest possible address space for differential tests: one attribute id per page (-1 = free).
 * Regions are the maximal runs of equal attributes, which is what the kernel's merging must produce.
 */
final class PageReference {

    static final long PAGE = 4096;

    final long base;
    final int[] pages;

    PageReference(long base, int pageCount) {
        this.base = base;
        this.pages = new int[pageCount];
        Arrays.fill(pages, -1);
    }

    private int page(long address) {
        return (int) ((address - base) / PAGE);
    }

    void map(long lo, long hi, int attr) {
        Arrays.fill(pages, page(lo), page(hi), attr);
    }

    void unmap(long lo, long hi) {
        Arrays.fill(pages, page(lo), page(hi), -1);
    }

    void retag(long lo, long hi, IntUnaryOperator change) {
        for (int p = page(lo); p < page(hi); p++) {
            if (pages[p] >= 0) {
                pages[p] = change.applyAsInt(pages[p]);
            }
        }
    }

    /** {start, end, attr} of every maximal run. */
    List<long[]> runs() {
        List<long[]> out = new ArrayList<>();
        for (int p = 0; p < pages.length; p++) {
            if (pages[p] >= 0 && (p == 0 || pages[p - 1] != pages[p])) {
                int q = p;
                while (q + 1 < pages.length && pages[q + 1] == pages[p]) {
                    q++;
                }
                out.add(new long[] {base + p * PAGE, base + (q + 1) * PAGE, pages[p]});
            }
        }
        return out;
    }

    static List<long[]> runs(VmaCore core) {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < core.size(); i++) {
            out.add(new long[] {core.start(i), core.end(i), core.attr(i)});
        }
        return out;
    }

    static String describe(List<long[]> runs) {
        StringBuilder text = new StringBuilder();
        for (long[] r : runs) {
            text.append(String.format("[%x-%x #%d] ", r[0], r[1], r[2]));
        }
        return text.toString();
    }
}
