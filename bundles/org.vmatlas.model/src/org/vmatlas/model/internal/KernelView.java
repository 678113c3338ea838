package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Mapping;

/** Turns model regions into the kernel's view: neighbours whose kernel attributes are equal become one VMA. */
public final class KernelView {

    private KernelView() {
    }

    public static List<Mapping> of(long[] starts, long[] ends, int[] attrs, int count) {
        List<Mapping> out = new ArrayList<>();
        int i = 0;
        while (i < count) {
            int kernel = Attrs.kernelId(attrs[i]);
            int j = i;
            while (j + 1 < count && starts[j + 1] == ends[j] && Attrs.kernelId(attrs[j + 1]) == kernel) {
                j++;
            }
            Attr attr = Attrs.get(attrs[i]);
            long offset = attr.inode() == 0 ? 0 : Math.max(0, starts[i] + attr.delta());
            out.add(new Mapping(starts[i], ends[j], attr.prot(), attr.maxProt(), attr.shared(), offset, attr.device(),
                    attr.inode(), attr.name()));
            i = j + 1;
        }
        return out;
    }

    public static List<Mapping> of(VmaCore core) {
        int n = core.size();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] a = new int[n];
        core.copyTo(s, e, a);
        return of(s, e, a, n);
    }
}
