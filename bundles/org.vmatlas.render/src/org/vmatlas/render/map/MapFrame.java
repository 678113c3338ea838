package org.vmatlas.render.map;

import java.util.BitSet;
import java.util.List;

import org.vmatlas.model.Conflict;
import org.vmatlas.model.Region;

/**
 * One picture of the map, computed without a display: the layout of the regions, the cells of the
 * viewport, which cells carry a conflict or flash, and the pixels. The canvas only copies
 * {@link #pixels()} into an image; tests and the PNG export use the same frame.
 */
public final class MapFrame {
    /** The smallest span a row shows: one page. */
    public static final long PAGE = 4096;

    private final MapLayout layout;
    private final MapGeometry geometry;
    private final double viewStart;
    private final double viewEnd;
    private final byte[] classes;
    private final int[] pixels;
    private final BitSet conflictCells;
    private final BitSet edges;
    private final Colouring colouring;

    public MapFrame(MapLayout layout, MapGeometry geometry, MapViewport viewport, List<Conflict> conflicts,
            List<Region> flashing) {
        this(layout, geometry, viewport, conflicts, flashing, Colouring.PROTECTION);
    }

    /** A frame whose colours follow {@code colouring}'s mode (protection, type, residency, dirty/swap). */
    public MapFrame(MapLayout layout, MapGeometry geometry, MapViewport viewport, List<Conflict> conflicts,
            List<Region> flashing, Colouring colouring) {
        this.colouring = colouring;
        this.layout = layout;
        this.geometry = geometry;
        this.viewStart = viewport.from() * layout.virtualLength();
        // A row covers at least one page: a map of a few pages takes a few rows, each with its own address,
        // instead of one page stretched over many rows that all carry the same address.
        this.viewEnd = Math.max(viewport.to() * layout.virtualLength(),
                viewStart + (double) geometry.rows() * layout.pageLength());
        this.edges = new BitSet();
        this.classes = MapRaster.classify(layout, viewStart, viewEnd, geometry.cells(), edges, colouring);
        BitSet conflictCells = new BitSet();
        for (Conflict conflict : conflicts) {
            if (conflict.end() > conflict.start()) {
                markCells(conflictCells, conflict.start(), conflict.end());
            }
        }
        BitSet flashCells = new BitSet();
        for (Region region : flashing) {
            markCells(flashCells, region.start(), region.end());
        }
        this.conflictCells = conflictCells;
        this.pixels = MapPainter.paint(geometry, classes, conflictCells, flashCells, edges, colouring);
        clearBeyondTheAxis();
    }

    /**
     * Cells past the last address (a map of a few pages shows a page a row and leaves the rest) hold no
     * address at all: they are left as background, not drawn as free memory.
     */
    private void clearBeyondTheAxis() {
        int first = (int) Math.ceil((layout.virtualLength() - viewStart) / (viewEnd - viewStart) * classes.length);
        for (int cell = Math.max(0, first); cell < classes.length; cell++) {
            int x = geometry.cellX(cell);
            int top = geometry.cellY(cell);
            for (int y = top; y < top + geometry.bandHeight() && y < geometry.height(); y++) {
                pixels[y * geometry.width() + x] = MapColors.BACKGROUND;
            }
        }
    }

    private void markCells(BitSet cells, long start, long end) {
        int first = cellOf(layout.virtualOf(start));
        int last = cellOf(Math.nextDown(layout.virtualOf(end)));
        if (last < 0 || first >= classes.length) {
            return;
        }
        cells.set(Math.max(0, first), Math.min(classes.length - 1, last) + 1);
    }

    private int cellOf(double virtual) {
        if (viewEnd <= viewStart) {
            return -1;
        }
        return (int) Math.floor((virtual - viewStart) / (viewEnd - viewStart) * classes.length);
    }

    /** The smallest part of the axis a viewport can usefully show here: one page a row. */
    public double minimumSpan() {
        double length = layout.virtualLength();
        return length <= 0 ? 1 : Math.min(1, (double) geometry.rows() * layout.pageLength() / length);
    }

    /**
     * The index of the region drawn in a cell or, when the cell shows none, in the nearest cell of its row
     * at most {@code radius} cells away: a region thinner than a pixel can still be pointed at.
     */
    public int regionIndexNear(int cell, int radius) {
        if (cell < 0 || cell >= classes.length) {
            return -1;
        }
        int columns = geometry.columns();
        int rowStart = cell - cell % columns;
        for (int distance = 0; distance <= radius; distance++) {
            for (int candidate : new int[] { cell - distance, cell + distance }) {
                if (candidate >= rowStart && candidate < rowStart + columns && candidate < classes.length
                        && CellClass.isMapped(classes[candidate])) {
                    int index = regionIndexInCell(candidate);
                    if (index >= 0) {
                        return index;
                    }
                }
            }
        }
        return -1;
    }

    /** The region with the most bytes in a cell (the one its colour stands for), or -1. */
    public int regionIndexInCell(int cell) {
        double cellLength = (viewEnd - viewStart) / classes.length;
        double from = viewStart + cell * cellLength;
        double to = from + cellLength;
        int best = -1;
        double bestCovered = 0;
        for (int i = layout.firstRegionEndingAfter(from); i < layout.regions().size() && layout.regionFrom(i) < to; i++) {
            double covered = Math.min(to, layout.regionTo(i)) - Math.max(from, layout.regionFrom(i));
            if (covered > bestCovered && colouring.code(layout.regions().get(i)) == classes[cell]) {
                best = i;
                bestCovered = covered;
            }
        }
        return best;
    }

    /** The cell's virtual range as {from, to}. */
    public double[] cellRange(int cell) {
        double cellLength = (viewEnd - viewStart) / classes.length;
        return new double[] { viewStart + cell * cellLength, viewStart + (cell + 1) * cellLength };
    }

    /** Cells where a region begins right after another of the same colour (drawn with a border). */
    public BitSet edges() {
        return (BitSet) edges.clone();
    }

    /** The cell where an address is drawn, or -1 when it is outside the viewport. */
    public int cellOfAddress(long address) {
        int cell = cellOf(layout.virtualOf(address));
        return cell >= 0 && cell < classes.length ? cell : -1;
    }

    /** The address under a cell's start, or -1. */
    public long addressOfCell(int cell) {
        if (cell < 0 || cell >= classes.length) {
            return -1;
        }
        double virtual = viewStart + (viewEnd - viewStart) * (cell + 0.5) / classes.length;
        return layout.addressAt(virtual);
    }

    /** The cells marked as holding a conflict (red on the map). */
    public BitSet conflictCells() {
        return (BitSet) conflictCells.clone();
    }

    public Colouring colouring() {
        return colouring;
    }

    public MapLayout layout() {
        return layout;
    }

    public MapGeometry geometry() {
        return geometry;
    }

    public byte[] classes() {
        return classes;
    }

    public int[] pixels() {
        return pixels;
    }

    public int pixel(int x, int y) {
        return pixels[y * geometry.width() + x];
    }

    public double viewStart() {
        return viewStart;
    }

    public double viewEnd() {
        return viewEnd;
    }
}
