package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Region;

/**
 * Where each byte of an address space goes on the map, computed without a display.
 * <p>
 * Address spaces are sparse (a few MiB of islands in 128 TiB), so the layout works on a
 * <em>virtual axis</em>: islands of regions keep their scale, and every gap longer than the
 * compression threshold becomes a short break. The visible part of the axis (the viewport, for zoom
 * and pan) flows over rows of cells like text over lines; each cell gets one class, the dominant
 * mapped class among the bytes it covers, so a frame costs the same for ten or a million regions.
 */
public final class MapLayout {

    /** One stretch of the virtual axis: an island of real addresses or a compressed gap. */
    public record Segment(long start, long end, double virtualStart, double virtualLength, boolean isBreak) {
        double virtualEnd() {
            return virtualStart + virtualLength;
        }
    }

    private final List<Region> regions;
    private final List<Segment> segments = new ArrayList<>();
    private final double virtualLength;

    /**
     * @param regions ordered, non-overlapping regions
     * @param minimumBreak gaps at least this long (bytes) are compressed into breaks
     */
    public MapLayout(List<Region> regions, long minimumBreak) {
        this.regions = List.copyOf(regions);
        long mapped = 0;
        for (Region region : regions) {
            mapped += region.end() - region.start();
        }
        long threshold = Math.max(minimumBreak, mapped / 16);
        // Wide enough to be seen as a cut (about 3% of the axis each), whatever the gap hid.
        double breakLength = Math.max(4096, mapped / 32.0);
        double cursor = 0;
        int first = 0;
        for (int i = 1; i <= regions.size(); i++) {
            boolean last = i == regions.size();
            if (last || regions.get(i).start() - regions.get(i - 1).end() >= threshold) {
                long start = regions.get(first).start();
                long end = regions.get(i - 1).end();
                segments.add(new Segment(start, end, cursor, end - start, false));
                cursor += end - start;
                if (!last) {
                    segments.add(new Segment(end, regions.get(i).start(), cursor, breakLength, true));
                    cursor += breakLength;
                }
                first = i;
            }
        }
        virtualLength = cursor;
    }

    /** The default layout: gaps of 1 MiB or more (or a 16th of the mapped bytes) become breaks. */
    public static MapLayout of(List<Region> regions) {
        return new MapLayout(regions, 1L << 20);
    }

    public double virtualLength() {
        return virtualLength;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<Region> regions() {
        return regions;
    }

    /** The virtual coordinate of an address; addresses inside a break map into it proportionally. */
    public double virtualOf(long address) {
        Segment segment = segmentAtAddress(address);
        if (segment == null) {
            return address < firstAddress() ? 0 : virtualLength;
        }
        double fraction = (double) (address - segment.start()) / (segment.end() - segment.start());
        return segment.virtualStart() + fraction * segment.virtualLength();
    }

    /** The address at a virtual coordinate, or -1 outside the axis. */
    public long addressAt(double virtual) {
        if (virtual < 0 || virtual >= virtualLength || segments.isEmpty()) {
            return -1;
        }
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).virtualStart() <= virtual) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Segment segment = segments.get(lo);
        double fraction = (virtual - segment.virtualStart()) / segment.virtualLength();
        return segment.start() + (long) (fraction * (segment.end() - segment.start()));
    }

    /** The segment holding an address, or {@code null} before the first or after the last. */
    public Segment segmentAtAddress(long address) {
        int index = segmentIndexAt(address);
        return index < 0 ? null : segments.get(index);
    }

    /** The index of the segment holding an address, or -1. Segments cover ascending, adjacent ranges. */
    public int segmentIndexAt(long address) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment segment = segments.get(mid);
            if (address < segment.start()) {
                hi = mid - 1;
            } else if (address >= segment.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The region holding an address, or {@code null} when it is free. */
    public Region regionAt(long address) {
        int lo = 0;
        int hi = regions.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region region = regions.get(mid);
            if (address < region.start()) {
                hi = mid - 1;
            } else if (address >= region.end()) {
                lo = mid + 1;
            } else {
                return region;
            }
        }
        return null;
    }

    private long firstAddress() {
        return segments.isEmpty() ? 0 : segments.getFirst().start();
    }
}
