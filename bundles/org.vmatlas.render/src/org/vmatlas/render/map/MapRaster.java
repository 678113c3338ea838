package org.vmatlas.render.map;

import java.util.BitSet;
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
        return classify(layout, viewStart, viewEnd, cells, new BitSet(), Colouring.PROTECTION);
    }

    /**
     * As {@link #classify(MapLayout, double, double, int)}, and sets in {@code edges} the cells where a region
     * begins right after one of the same class, both wide enough to show it: there the painter draws a border,
     * so that two libraries' neighbouring pages of one protection do not read as one region.
     */
    public static byte[] classify(MapLayout layout, double viewStart, double viewEnd, int cells, BitSet edges,
            Colouring colouring) {
        byte[] classes = new byte[cells];
        if (cells == 0 || viewEnd <= viewStart) {
            return classes;
        }
        double cellLength = (viewEnd - viewStart) / cells;
        double[] bestBytes = new double[cells];
        for (MapLayout.Segment segment : layout.segments()) {
            if (segment.kind() == MapLayout.Kind.GAP) {
                mark(classes, bestBytes, viewStart, cellLength, segment.virtualStart(), segment.virtualEnd(),
                        CellClass.BREAK, true);
            }
        }
        List<Region> regions = layout.regions();
        byte previousCode = -1;
        double previousTo = Double.NaN;
        double previousFrom = Double.NaN;
        for (int i = layout.firstRegionEndingAfter(viewStart); i < regions.size(); i++) {
            Region region = regions.get(i);
            double from = layout.regionFrom(i);
            if (from >= viewEnd) {
                break;
            }
            double to = layout.regionTo(i);
            byte code = colouring.code(region);
            mark(classes, bestBytes, viewStart, cellLength, from, to, code, false);
            if (code == previousCode && from == previousTo && to - from >= 2 * cellLength
                    && previousTo - previousFrom >= 2 * cellLength && from > viewStart) {
                edges.set((int) ((from - viewStart) / cellLength));
            }
            previousCode = code;
            previousFrom = from;
            previousTo = to;
        }
        for (MapLayout.Segment segment : layout.segments()) {
            if (segment.kind() == MapLayout.Kind.CUT) {
                cut(classes, viewStart, cellLength, segment.virtualStart(), segment.virtualEnd());
            }
        }
        return classes;
    }

    /** Cells wholly inside a cut through a huge region show the break's strokes over the region. */
    private static void cut(byte[] classes, double viewStart, double cellLength, double from, double to) {
        int first = Math.max(0, (int) Math.ceil((from - viewStart) / cellLength));
        int last = Math.min(classes.length, (int) Math.floor((to - viewStart) / cellLength));
        for (int cell = first; cell < last; cell++) {
            classes[cell] = CellClass.BREAK;
        }
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
