package org.vmatlas.model.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Mapping;

/** The immutable {@link AddressSpace}: trimmed copies of a core's arrays; regions are built on demand. */
public final class Snapshot implements AddressSpace {

    public static final Snapshot EMPTY = new Snapshot(new long[0], new long[0], new int[0]);

    private final long[] starts;
    private final long[] ends;
    private final int[] attrs;
    private final List<Region> kernelRegions;

    private Snapshot(long[] starts, long[] ends, int[] attrs) {
        this(starts, ends, attrs, List.of());
    }

    private Snapshot(long[] starts, long[] ends, int[] attrs, List<Region> kernelRegions) {
        this.starts = starts;
        this.ends = ends;
        this.attrs = attrs;
        this.kernelRegions = kernelRegions;
    }

    /** The same user space with {@code regions} above it (see {@link AddressSpace#kernelRegions()}). */
    public Snapshot withKernelRegions(List<Region> regions) {
        return regions.equals(kernelRegions) ? this : new Snapshot(starts, ends, attrs, List.copyOf(regions));
    }

    @Override
    public List<Region> kernelRegions() {
        return kernelRegions;
    }

    public static Snapshot of(VmaCore core) {
        int n = core.size();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] a = new int[n];
        core.copyTo(s, e, a);
        return new Snapshot(s, e, a);
    }

    /** A snapshot of sorted, non-overlapping entries given as arrays it keeps (read back from a spill file). */
    static Snapshot ofSorted(long[] starts, long[] ends, int[] attrs) {
        return new Snapshot(starts, ends, attrs);
    }

    /** A core holding these regions, to change a copy (previews, timeline seeks). */
    public VmaCore toCore() {
        return new VmaCore(starts, ends, attrs, starts.length);
    }

    public int attrId(int index) {
        return attrs[index];
    }

    public static Region region(long start, long end, int attrId) {
        Attr a = Attrs.get(attrId);
        return new Region(start, end, a.prot(), a.maxProt(), a.shared(), a.backingAt(start), a.state(), a.inferred(),
                a.label());
    }

    @Override
    public int size() {
        return starts.length;
    }

    @Override
    public long start(int index) {
        return starts[index];
    }

    @Override
    public long end(int index) {
        return ends[index];
    }

    @Override
    public int prot(int index) {
        return Attrs.get(attrs[index]).prot();
    }

    @Override
    public Region region(int index) {
        return region(starts[index], ends[index], attrs[index]);
    }

    @Override
    public List<Region> regions() {
        return new AbstractList<>() {
            @Override
            public Region get(int index) {
                return region(index);
            }

            @Override
            public int size() {
                return starts.length;
            }
        };
    }

    @Override
    public int indexAt(long address) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < starts.length && starts[lo] <= address ? lo : -1;
    }

    @Override
    public Region regionAt(long address) {
        int i = indexAt(address);
        return i < 0 ? null : region(i);
    }

    @Override
    public long mappedBytes() {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
        }
        return sum;
    }

    @Override
    public long bytes(int prot) {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            if (Attrs.get(attrs[i]).prot() == prot) {
                sum += ends[i] - starts[i];
            }
        }
        return sum;
    }

    @Override
    public long bytes(RegionState state) {
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            if (Attrs.get(attrs[i]).state() == state) {
                sum += ends[i] - starts[i];
            }
        }
        return sum;
    }

    /** Regions of one object grouped where their offset ranges overlap (a sweep by offset per object). */
    @Override
    public List<List<Region>> duplicateGroups() {
        Map<String, List<Region>> byObject = new HashMap<>();
        for (int i = 0; i < starts.length; i++) {
            Attr a = Attrs.get(attrs[i]);
            if (a.inode() != 0) {
                byObject.computeIfAbsent(a.device() + ":" + a.inode(), k -> new ArrayList<>()).add(region(i));
            }
        }
        List<List<Region>> groups = new ArrayList<>();
        for (List<Region> views : byObject.values()) {
            views.sort(Comparator.comparingLong(r -> r.backing().offset()));
            List<Region> group = new ArrayList<>();
            long reach = Long.MIN_VALUE;
            for (Region r : views) {
                if (r.backing().offset() >= reach) {
                    addIfShared(groups, group);
                    group = new ArrayList<>();
                }
                group.add(r);
                reach = Math.max(reach, r.backing().offset() + r.length());
            }
            addIfShared(groups, group);
        }
        groups.sort(Comparator.comparingLong(g -> g.get(0).start()));
        return groups;
    }

    private static void addIfShared(List<List<Region>> groups, List<Region> group) {
        if (group.size() >= 2) {
            groups.add(List.copyOf(group));
        }
    }

    @Override
    public List<Mapping> kernelView() {
        return KernelView.of(starts, ends, attrs, starts.length);
    }

    @Override
    public int kernelMapCount() {
        return kernelView().size();
    }

    @Override
    public String differenceFrom(List<Mapping> kernel) {
        List<Mapping> mine = kernelView();
        for (int i = 0; i < Math.max(mine.size(), kernel.size()); i++) {
            Mapping m = i < mine.size() ? mine.get(i) : null;
            Mapping k = i < kernel.size() ? kernel.get(i) : null;
            if (m == null || k == null || m.start() != k.start() || m.end() != k.end() || m.prot() != k.prot()
                    || m.shared() != k.shared()) {
                return "mapping " + i + ": model " + m + " but kernel " + k + " (model has " + mine.size()
                        + ", kernel " + kernel.size() + ")";
            }
        }
        return null;
    }
}
