package org.vmatlas.render.map;

import java.util.Arrays;
import java.util.List;

import org.vmatlas.model.Conflict;

/**
 * The overview layout: the same virtual axis and cell classes as the rows, folded along a Hilbert
 * curve into a square. Neighbouring addresses stay neighbouring cells, so islands of regions show as
 * compact blobs and fragmentation as speckle, which rows spread thin. Computed without a display.
 */
public final class HilbertFrame {

    private static final int MAX_SIDE = 256;
    private final MapLayout layout;
    private final int width;
    private final int height;
    private final int side;
    private final int cellSize;
    private final int left;
    private final int top;
    private final double viewStart;
    private final double viewEnd;
    private final byte[] classes;
    private final Colouring colouring;
    private final int[] pixels;

    public HilbertFrame(MapLayout layout, int width, int height, MapViewport viewport) {
        this(layout, width, height, viewport, List.of());
    }

    /** As the rows mark them, cells holding a conflict are tinted red. */
    public HilbertFrame(MapLayout layout, int width, int height, MapViewport viewport, List<Conflict> conflicts) {
        this(layout, width, height, viewport, conflicts, Colouring.PROTECTION);
    }

    /** As above, coloured by a colour mode. */
    public HilbertFrame(MapLayout layout, int width, int height, MapViewport viewport, List<Conflict> conflicts,
            Colouring colouring) {
        this.colouring = colouring;
        this.layout = layout;
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        int square = Math.min(this.width, this.height) - 8;
        this.side = Math.max(2, Math.min(MAX_SIDE, Integer.highestOneBit(Math.max(2, square / 2))));
        this.cellSize = Math.max(1, square / side);
        this.left = (this.width - side * cellSize) / 2;
        this.top = (this.height - side * cellSize) / 2;
        this.viewStart = viewport.from() * layout.virtualLength();
        this.viewEnd = viewport.to() * layout.virtualLength();
        this.classes = MapRaster.classify(layout, viewStart, viewEnd, side * side, new java.util.BitSet(), colouring);
        this.pixels = paint();
        for (Conflict conflict : conflicts) {
            markConflict(conflict.start(), conflict.end());
        }
    }

    private void markConflict(long start, long end) {
        if (end <= start || viewEnd <= viewStart) {
            return;
        }
        int first = Math.max(0, cellOfVirtual(layout.virtualOf(start)));
        int last = Math.min(classes.length - 1, cellOfVirtual(Math.nextDown(layout.virtualOf(end))));
        for (int cell = first; cell <= last; cell++) {
            int[] at = point(side, cell);
            int x0 = left + at[0] * cellSize;
            int y0 = top + at[1] * cellSize;
            // A red bar over the top of the cell, as the rows mark conflicts: a tint would turn a free or
            // r-- cell into something that looks like rwx; the bar leaves the cell's own colour below it.
            int bar = Math.max(1, cellSize / 3);
            for (int y = y0; y < y0 + bar; y++) {
                for (int x = x0; x < x0 + cellSize; x++) {
                    pixels[y * width + x] = MapColors.CONFLICT;
                }
            }
        }
    }

    private int cellOfVirtual(double virtual) {
        return (int) Math.floor((virtual - viewStart) / (viewEnd - viewStart) * classes.length);
    }

    private int[] paint() {
        int[] out = new int[width * height];
        Arrays.fill(out, MapColors.BACKGROUND);
        for (int d = 0; d < classes.length; d++) {
            int[] at = point(side, d);
            int x0 = left + at[0] * cellSize;
            int y0 = top + at[1] * cellSize;
            for (int y = y0; y < y0 + cellSize; y++) {
                for (int x = x0; x < x0 + cellSize; x++) {
                    out[y * width + x] = MapPainter.colour(colouring, classes[d], x, y, Integer.MAX_VALUE, false, false);
                }
            }
        }
        return out;
    }

    /** The cell (its distance along the curve) under a pixel, or -1 outside the square. */
    public int cellAt(int x, int y) {
        int cx = (x - left) / cellSize;
        int cy = (y - top) / cellSize;
        if (x < left || y < top || cx >= side || cy >= side) {
            return -1;
        }
        return distance(side, cx, cy);
    }

    /** The address drawn in a cell, or -1. */
    public long addressOfCell(int cell) {
        if (cell < 0 || cell >= classes.length) {
            return -1;
        }
        return layout.addressAt(viewStart + (viewEnd - viewStart) * (cell + 0.5) / classes.length);
    }

    /** The centre pixel of the cell where an address is drawn, as {x, y}, or null outside the view. */
    /** The side of one cell in pixels. */
    public int cellSize() {
        return cellSize;
    }

    public int[] pixelOf(long address) {
        int cell = cellOfVirtual(layout.virtualOf(address));
        if (cell < 0 || cell >= classes.length) {
            return null;
        }
        int[] at = point(side, cell);
        return new int[] { left + at[0] * cellSize + cellSize / 2, top + at[1] * cellSize + cellSize / 2 };
    }

    /** The curve's classic iterative walk: at each scale pick the quadrant, rotate so the pattern repeats. */
    static int[] point(int n, int d) {
        int x = 0;
        int y = 0;
        int t = d;
        for (int s = 1; s < n; s *= 2) {
            int rx = 1 & (t / 2);
            int ry = 1 & (t ^ rx);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int swap = x;
                x = y;
                y = swap;
            }
            x += s * rx;
            y += s * ry;
            t /= 4;
        }
        return new int[] { x, y };
    }

    /** The inverse of {@link #point}: the distance along the curve of cell (x, y). */
    static int distance(int n, int x, int y) {
        int d = 0;
        for (int s = n / 2; s > 0; s /= 2) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += s * s * ((3 * rx) ^ ry);
            // Undo the quadrant's rotation, over the whole square (the walk rotates within a quadrant).
            if (ry == 0) {
                if (rx == 1) {
                    x = n - 1 - x;
                    y = n - 1 - y;
                }
                int swap = x;
                x = y;
                y = swap;
            }
        }
        return d;
    }

    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int side() {
        return side;
    }

    public int cells() {
        return classes.length;
    }

    public byte[] classes() {
        return classes;
    }
}
