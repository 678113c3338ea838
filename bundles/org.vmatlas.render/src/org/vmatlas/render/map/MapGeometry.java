package org.vmatlas.render.map;

/**
 * How the map's rows sit on a canvas: a left margin for addresses, then bands of cells one pixel
 * wide, flowing left to right and top to bottom. Pure arithmetic, shared by the painter, the
 * interaction handler and the tests.
 */
public record MapGeometry(int width, int height, int margin, int bandHeight, int rowGap, int top) {

    public static final int DEFAULT_MARGIN = 118;

    public static MapGeometry forCanvas(int width, int height) {
        int bandHeight = height > 500 ? 30 : 22;
        return new MapGeometry(Math.max(1, width), Math.max(1, height), DEFAULT_MARGIN, bandHeight, 8, 6);
    }

    public int columns() {
        return Math.max(1, width - margin - 8);
    }

    public int rows() {
        return Math.max(1, (height - top) / (bandHeight + rowGap));
    }

    public int cells() {
        return columns() * rows();
    }

    public int rowTop(int row) {
        return top + row * (bandHeight + rowGap);
    }

    /** The cell under a point, or -1 outside the bands. */
    public int cellAt(int x, int y) {
        int column = x - margin;
        int row = (y - top) / (bandHeight + rowGap);
        int inRow = (y - top) % (bandHeight + rowGap);
        if (column < 0 || column >= columns() || y < top || row >= rows() || inRow >= bandHeight) {
            return -1;
        }
        return row * columns() + column;
    }

    /** The x of a cell's column. */
    public int cellX(int cell) {
        return margin + cell % columns();
    }

    /** The y of the top of a cell's band. */
    public int cellY(int cell) {
        return rowTop(cell / columns());
    }
}
