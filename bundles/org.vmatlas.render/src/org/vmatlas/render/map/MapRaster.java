package org.vmatlas.render.map;

import java.util.List;

import org.vmatlas.model.Region;

/**
 * Turns a layout's viewport into one class per cell, in one pass over the regions and the cells.
 * <p>
 * A cell covers {@code (viewEnd - viewStart) / cells} of the virtual axis. It shows the mapped class
 * with the most bytes in it; only a cell without any mapped byte shows free (or break), so a single
 * page in a gigabyte stays visible at every zoom.
 */
public final class MapRaster {

    private MapRaster() {
    }

    public static byte[] classify(MapLayout layout, double viewStart, double viewEnd, int cells) {
        byte[] classes = new byte[cells];
        if (cells == 0 || viewEnd <= viewStart) {
            return classes;
        }
        double cellLength = (viewEnd - viewStart) / cells;
        double[] bestBytes = new double[cells];
        for (MapLayout.Segment segment : layout.segments()) {
            if (segment.isBreak()) {
                mark(classes, bestBytes, viewStart, cellLength, segment.virtualStart(), segment.virtualEnd(),
                        CellClass.BREAK, true);
            }
        }
        List<Region> regions = layout.regions();
        List<MapLayout.Segment> segments = layout.segments();
        int regionIndex = firstVisible(layout, regions, viewStart);
        int segmentIndex = 0;
        for (int i = regionIndex; i < regions.size(); i++) {
            Region region = regions.get(i);
            // Regions and islands are both in address order: walk them together, no search per region.
            while (segmentIndex < segments.size() - 1 && region.start() >= segments.get(segmentIndex).end()) {
                segmentIndex++;
            }
            MapLayout.Segment island = segments.get(segmentIndex);
            double from = island.virtualStart() + (region.start() - island.start());
            if (from >= viewEnd) {
                break;
            }
            double to = from + (region.end() - region.start());
            mark(classes, bestBytes, viewStart, cellLength, from, to, CellClass.of(region), false);
        }
        return classes;
    }

    private static int firstVisible(MapLayout layout, List<Region> regions, double viewStart) {
        long address = layout.addressAt(Math.max(0, viewStart));
        int lo = 0;
        int hi = regions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (regions.get(mid).end() <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void mark(byte[] classes, double[] bestBytes, double viewStart, double cellLength,
            double from, double to, byte code, boolean background) {
        double a = Math.max(from, viewStart);
        double b = Math.min(to, viewStart + cellLength * classes.length);
        if (b <= a) {
            return;
        }
        int firstCell = (int) ((a - viewStart) / cellLength);
        int lastCell = Math.min(classes.length - 1, (int) Math.ceil((b - viewStart) / cellLength) - 1);
        for (int cell = firstCell; cell <= lastCell; cell++) {
            double cellStart = viewStart + cell * cellLength;
            double covered = Math.min(b, cellStart + cellLength) - Math.max(a, cellStart);
            if (background) {
                if (classes[cell] == CellClass.FREE) {
                    classes[cell] = code;
                }
            } else if (covered > bestBytes[cell] || !CellClass.isMapped(classes[cell])) {
                bestBytes[cell] = covered;
                classes[cell] = code;
            }
        }
    }
}
