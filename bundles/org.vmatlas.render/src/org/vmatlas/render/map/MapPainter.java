package org.vmatlas.render.map;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Paints classified cells into plain 0xRRGGBB pixels, in-process: no draw call per region, no X
 * server round trip. The SWT side only copies the finished pixels into an image.
 */
public final class MapPainter {

    private static final int MARK_HEIGHT = 5;
    private static final int FLASH_HEIGHT = 3;

    private MapPainter() {
    }

    /**
     * @param classes   one {@link CellClass} per cell, {@code geometry.cells()} long
     * @param conflicts cells that hold a conflict (drawn with a red mark on top of the band), may be empty
     * @param flashing  cells that changed just now (drawn with a yellow underline), may be empty
     */
    public static int[] paint(MapGeometry geometry, byte[] classes, BitSet conflicts, BitSet flashing) {
        return paint(geometry, classes, conflicts, flashing, new BitSet(), Colouring.PROTECTION);
    }

    /** As above; cells in {@code edges} get a dark border on their left, between two regions of one colour. */
    public static int[] paint(MapGeometry geometry, byte[] classes, BitSet conflicts, BitSet flashing, BitSet edges,
            Colouring colouring) {
        int width = geometry.width();
        int[] pixels = new int[width * geometry.height()];
        Arrays.fill(pixels, MapColors.BACKGROUND);
        int columns = geometry.columns();
        for (int row = 0; row < geometry.rows(); row++) {
            int top = geometry.rowTop(row);
            for (int y = top; y < top + geometry.bandHeight() && y < geometry.height(); y++) {
                int line = y * width + geometry.margin();
                int bandY = y - top;
                for (int column = 0; column < columns; column++) {
                    int cell = row * columns + column;
                    int rgb = colour(colouring, classes[cell], column, bandY, geometry.bandHeight(), conflicts.get(cell),
                            flashing.get(cell));
                    pixels[line + column] = edges.get(cell) ? MapColors.edge(rgb) : rgb;
                }
            }
        }
        return pixels;
    }

    static int colour(Colouring colouring, int code, int x, int bandY, int bandHeight, boolean conflict, boolean flash) {
        if (conflict && bandY < MARK_HEIGHT) {
            return MapColors.CONFLICT;
        }
        if (flash && bandY >= bandHeight - FLASH_HEIGHT) {
            return MapColors.FLASH;
        }
        if (code == CellClass.BREAK) {
            // Sparse steep strokes on the background: "a gap was cut out here", unlike the dense
            // hatching of reserved pages.
            int phase = Math.floorMod(bandY + x * 3, 12);
            return phase < 2 ? MapColors.BREAK_MARK : MapColors.BACKGROUND;
        }
        int base = colouring.rgb(code);
        if (colouring.hatched(code) && Math.floorMod(x + bandY, 6) < 2) {
            return MapColors.HATCH;
        }
        return base;
    }
}
