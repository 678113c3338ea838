package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.vmatlas.model.Region;

/**
 * Builds the segments of a {@link MapLayout}'s axis and where each region lies on it, at either scale.
 */
record LayoutAxis(List<MapLayout.Segment> segments, double[] regionFrom, double[] regionTo, double length, double pageLength) {

    /** Segments laid end to end as they come, in address order. */
    private static final class Pieces {
        final List<MapLayout.Segment> segments;
        double cursor;

        Pieces(int expected) {
            segments = new ArrayList<>(expected);
        }

        void add(long start, long end, double virtualLength, MapLayout.Kind kind) {
            segments.add(new MapLayout.Segment(start, end, cursor, virtualLength, kind));
            cursor += virtualLength;
        }
    }

    /** The compact scale's unit: a region of a page takes a little more than this. */
    static final double UNIT = 4096;
    /** Regions of this size or more are cut in the middle on the compact scale. */
    static final long CUT_AT = 256L << 20;
    private static final double GAP = 1.5 * UNIT;
    private static final double SMALL_GAP = 0.4 * UNIT;
    private static final double GROWTH = 0.6;
    private static final double CUT_EDGE = 1.5 * UNIT;

    static LayoutAxis bytes(List<Region> regions, long minimumBreak) {
        long mapped = 0;
        for (Region region : regions) {
            mapped += region.end() - region.start();
        }
        long threshold = Math.max(minimumBreak, mapped / 16);
        // Wide enough to be seen as a cut (about 3% of the axis each), whatever the gap hid.
        double breakLength = Math.max(4096, mapped / 32.0);
        Pieces raw = new Pieces(16);
        int first = 0;
        for (int i = 1; i <= regions.size(); i++) {
            boolean last = i == regions.size();
            if (last || regions.get(i).start() - regions.get(i - 1).end() >= threshold) {
                long start = regions.get(first).start();
                long end = regions.get(i - 1).end();
                raw.add(start, end, end - start, MapLayout.Kind.ISLAND);
                if (!last) {
                    raw.add(end, regions.get(i).start(), breakLength, MapLayout.Kind.GAP);
                }
                first = i;
            }
        }
        return place(raw, regions, 4096);
    }

    static LayoutAxis compact(List<Region> regions, long minimumBreak) {
        Pieces raw = new Pieces(regions.size() * 2 + 1);
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            if (i > 0) {
                long previousEnd = regions.get(i - 1).end();
                long gap = region.start() - previousEnd;
                if (gap >= minimumBreak) {
                    raw.add(previousEnd, region.start(), GAP, MapLayout.Kind.GAP);
                } else if (gap > 0) {
                    raw.add(previousEnd, region.start(), SMALL_GAP, MapLayout.Kind.ISLAND);
                }
            }
            long length = region.end() - region.start();
            double stretch = compactLength(length);
            if (length < CUT_AT) {
                raw.add(region.start(), region.end(), stretch, MapLayout.Kind.ISLAND);
            } else {
                long edge = (length / 8) & ~0xFFFL;
                raw.add(region.start(), region.start() + edge, CUT_EDGE, MapLayout.Kind.ISLAND);
                raw.add(region.start() + edge, region.end() - edge, stretch - 2 * CUT_EDGE,
                        MapLayout.Kind.CUT);
                raw.add(region.end() - edge, region.end(), CUT_EDGE, MapLayout.Kind.ISLAND);
            }
        }
        return place(raw, regions, UNIT);
    }

    /**
     * A region's stretch on the compact scale: a unit and more with the logarithm of its size, gently (0.6 of a
     * unit per doubling), so that a library's pages are not crowded out by the large reservations beside them.
     */
    static double compactLength(long bytes) {
        return UNIT * (1 + GROWTH * Math.log(1 + bytes / (4 * UNIT)) / Math.log(2));
    }

    /** Lays the segments end to end and finds each region's place, walking both in address order. */
    private static LayoutAxis place(Pieces raw, List<Region> regions, double pageLength) {
        List<MapLayout.Segment> segments = raw.segments;
        double cursor = raw.cursor;
        double[] from = new double[regions.size()];
        double[] to = new double[regions.size()];
        int index = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            while (index < segments.size() - 1 && region.start() >= segments.get(index).end()) {
                index++;
            }
            from[i] = at(segments.get(index), region.start());
            while (index < segments.size() - 1 && region.end() > segments.get(index).end()) {
                index++;
            }
            to[i] = at(segments.get(index), region.end());
        }
        return new LayoutAxis(Collections.unmodifiableList(segments), from, to, cursor, pageLength);
    }

    private static double at(MapLayout.Segment segment, long address) {
        double fraction = (double) (address - segment.start()) / (segment.end() - segment.start());
        return segment.virtualStart() + fraction * segment.virtualLength();
    }
}
