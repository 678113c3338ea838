package org.vmatlas.render.map;

import java.util.List;

import org.vmatlas.model.Region;

/**
 * Where each byte of an address space goes on the map, computed without a display.
 * <p>
 * Address spaces are sparse (a few MiB of islands in 128 TiB), so the layout works on a
 * <em>virtual axis</em> made of segments, each mapping a range of addresses linearly onto a stretch of
 * the axis. The visible part of the axis (the viewport, for zoom and pan) flows over rows of cells like
 * text over lines; each cell gets one class, the dominant mapped class among the bytes it covers, so a
 * frame costs the same for ten or a million regions.
 * <ul>
 * <li>{@link Scale#BYTES}: islands of regions keep their scale; every gap longer than the compression
 * threshold becomes a short break.</li>
 * <li>{@link Scale#COMPACT}: every region gets a stretch that grows with the logarithm of its size, so a
 * 4 KiB page of a library is as readable as a gigabyte of heap; a huge region is cut in the middle by a
 * break that says its size.</li>
 * </ul>
 */
public final class MapLayout {

    /** How bytes become axis: true to size, or each region readable whatever its size. */
    public enum Scale {
        BYTES, COMPACT
    }

    /** What a segment of the axis shows: addresses to scale, a compressed unmapped gap, or a cut through a region. */
    public enum Kind {
        ISLAND, GAP, CUT
    }

    /** One stretch of the virtual axis, mapping {@code [start, end)} linearly onto it. */
    public record Segment(long start, long end, double virtualStart, double virtualLength, Kind kind) {
        public Segment {
            if (end <= start || virtualLength <= 0) {
                throw new IllegalArgumentException("segment " + Long.toHexString(start) + "-" + Long.toHexString(end)
                        + " of virtual length " + virtualLength);
            }
        }

        /** A gap or a cut: drawn as a break, not to scale. */
        public boolean isBreak() {
            return kind != Kind.ISLAND;
        }

        double virtualEnd() {
            return virtualStart + virtualLength;
        }
    }

    private final List<Region> regions;
    private final Scale scale;
    private final List<Segment> segments;
    private final double[] regionFrom;
    private final double[] regionTo;
    private final double virtualLength;
    private final double pageLength;

    MapLayout(List<Region> regions, Scale scale, LayoutAxis axis) {
        this.regions = regions;
        this.scale = scale;
        this.segments = axis.segments();
        this.regionFrom = axis.regionFrom();
        this.regionTo = axis.regionTo();
        this.virtualLength = axis.length();
        this.pageLength = axis.pageLength();
    }

    /**
     * A true-to-size layout.
     *
     * @param regions ordered, non-overlapping regions
     * @param minimumBreak gaps at least this long (bytes) are compressed into breaks
     */
    public MapLayout(List<Region> regions, long minimumBreak) {
        this(List.copyOf(regions), Scale.BYTES, LayoutAxis.bytes(List.copyOf(regions), minimumBreak));
    }

    /** The default layout: gaps of 1 MiB or more (or a 16th of the mapped bytes) become breaks. */
    public static MapLayout of(List<Region> regions) {
        return new MapLayout(regions, 1L << 20);
    }

    /** The layout of {@code regions} at a scale; compact gives every region a readable stretch. */
    public static MapLayout of(List<Region> regions, Scale scale) {
        if (scale == Scale.BYTES) {
            return of(regions);
        }
        List<Region> copy = List.copyOf(regions);
        return new MapLayout(copy, Scale.COMPACT, LayoutAxis.compact(copy, 1L << 20));
    }

    public Scale scale() {
        return scale;
    }

    public double virtualLength() {
        return virtualLength;
    }

    /** How much axis a page takes at least: the frame's "a page a row" rule uses it. */
    public double pageLength() {
        return pageLength;
    }

    public List<Segment> segments() {
        return segments;
    }

    public List<Region> regions() {
        return regions;
    }

    /** Where region {@code index} starts on the axis. */
    public double regionFrom(int index) {
        return regionFrom[index];
    }

    /** Where region {@code index} ends on the axis. */
    public double regionTo(int index) {
        return regionTo[index];
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
        int index = segmentIndexAtVirtual(virtual);
        if (index < 0) {
            return -1;
        }
        Segment segment = segments.get(index);
        double fraction = (virtual - segment.virtualStart()) / segment.virtualLength();
        return segment.start() + (long) (fraction * (segment.end() - segment.start()));
    }

    /** The index of the segment at a virtual coordinate, or -1 outside the axis. */
    public int segmentIndexAtVirtual(double virtual) {
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
        return lo;
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
        int index = regionIndexAt(address);
        return index < 0 ? null : regions.get(index);
    }

    /** The index of the region holding an address, or -1 when it is free. */
    public int regionIndexAt(long address) {
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
                return mid;
            }
        }
        return -1;
    }

    /** The index of the first region that ends after {@code virtual} on the axis. */
    public int firstRegionEndingAfter(double virtual) {
        int lo = 0;
        int hi = regions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regionTo[mid] <= virtual) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long firstAddress() {
        return segments.isEmpty() ? 0 : segments.getFirst().start();
    }
}
