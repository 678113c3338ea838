package org.vmatlas.ui.internal.map;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.Region;
import org.vmatlas.render.map.HilbertFrame;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLabels;
import org.vmatlas.sources.residency.Growth;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.ui.internal.residency.SuspectMarks;

/**
 * The few things drawn with GC calls over the finished pixels: one address label per row, arcs
 * between duplicate mappings, the leak suspects' outlines and badges, and the selection outline. Their number does not grow with the
 * region count (one arc per duplicate pair, one label per row).
 */
final class MapOverlay {

    /** The colour of the arcs that link duplicate mappings (views of the same pages). */
    static final int ARC = 0x6A3D9A;
    /** The colour of a leak suspect's outline and badge: a magenta no colour mode paints regions with. */
    static final int SUSPECT = 0xC2007A;
    private static final String LABEL_FONT_KEY = "org.vmatlas.ui.map.labelFont";

    private MapOverlay() {
    }

    static void draw(GC gc, MapFrame frame, List<List<Region>> duplicates, Region selected, SuspectMarks suspects) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        drawRowLabels(gc, frame);
        drawNames(gc, frame);
        drawDuplicateArcs(gc, frame, duplicates);
        List<Growth> marked = suspects.suspects();
        for (int i = 0; i < marked.size(); i++) {
            Mapping region = marked.get(i).region();
            drawOutline(gc, frame, region.start(), region.end(), SUSPECT, 3);
            drawBadge(gc, frame, region.start(), Integer.toString(i + 1));
        }
        if (selected != null) {
            drawOutline(gc, frame, selected.start(), selected.end(), 0x101010, 2);
        }
    }

    /** The overview's overlay: arcs between duplicates, rings around leak suspects and the selection's first cell. */
    static void drawHilbert(GC gc, HilbertFrame frame, List<List<Region>> duplicates, Region selected,
            SuspectMarks suspects) {
        gc.setAntialias(SWT.ON);
        gc.setForeground(MapCanvas.color(ARC));
        gc.setLineWidth(2);
        for (List<Region> group : duplicates) {
            int[] a = frame.pixelOf(group.getFirst().start());
            for (int i = 1; i < group.size() && a != null; i++) {
                int[] b = frame.pixelOf(group.get(i).start());
                if (b != null) {
                    gc.drawLine(a[0], a[1], b[0], b[1]);
                }
            }
        }
        gc.setForeground(MapCanvas.color(SUSPECT));
        gc.setLineWidth(3);
        for (Growth suspect : suspects.suspects()) {
            int[] at = frame.pixelOf(suspect.region().start());
            if (at != null) {
                gc.drawOval(at[0] - 9, at[1] - 9, 18, 18);
            }
        }
        gc.setLineWidth(2);
        if (selected != null) {
            int[] at = frame.pixelOf(selected.start());
            if (at != null) {
                gc.setForeground(MapCanvas.color(0x101010));
                gc.drawOval(at[0] - 6, at[1] - 6, 12, 12);
            }
        }
        gc.setLineWidth(1);
    }

    private static void drawRowLabels(GC gc, MapFrame frame) {
        MapGeometry geometry = frame.geometry();
        gc.setForeground(MapCanvas.color(MapColors.TEXT));
        gc.setBackground(MapCanvas.color(MapColors.BACKGROUND));
        for (int row = 0; row < geometry.rows(); row++) {
            long address = frame.addressOfCell(row * geometry.columns()) & ~0xFFFL;
            if (address > 0) {
                int y = geometry.rowTop(row) + (geometry.bandHeight() - gc.getFontMetrics().getHeight()) / 2;
                gc.drawText(String.format("%012x", address), 6, y, true);
            }
        }
    }

    /** Library, kernel and memfd names and break sizes, where they fit (placed by the render core). */
    private static void drawNames(GC gc, MapFrame frame) {
        Font before = gc.getFont();
        gc.setFont(labelFont(gc.getDevice()));
        int height = gc.getFontMetrics().getHeight();
        for (MapLabels.Label label : MapLabels.place(frame, text -> gc.textExtent(text).x)) {
            int width = gc.textExtent(label.text()).x;
            gc.setForeground(MapCanvas.color(label.rgb()));
            gc.drawText(label.text(), label.x() + (label.width() - width) / 2, label.top() + (label.height() - height) / 2,
                    true);
        }
        gc.setFont(before);
    }

    /** Names are written a point smaller than the system font, so that more of them fit; one font per display. */
    private static Font labelFont(Device device) {
        Display display = (Display) device;
        Font font = (Font) display.getData(LABEL_FONT_KEY);
        if (font == null || font.isDisposed()) {
            FontData data = display.getSystemFont().getFontData()[0];
            font = new Font(display, data.getName(), Math.max(7, data.getHeight() - 1), SWT.NORMAL);
            Font created = font;
            display.setData(LABEL_FONT_KEY, font);
            display.disposeExec(created::dispose);
        }
        return font;
    }

    private static void drawDuplicateArcs(GC gc, MapFrame frame, List<List<Region>> duplicates) {
        gc.setForeground(MapCanvas.color(ARC));
        gc.setLineWidth(2);
        for (List<Region> group : duplicates) {
            for (int i = 1; i < group.size(); i++) {
                int a = frame.cellOfAddress(group.getFirst().start());
                int b = frame.cellOfAddress(group.get(i).start());
                if (a >= 0 && b >= 0) {
                    drawArc(gc, frame.geometry(), a, b);
                }
            }
        }
        gc.setLineWidth(1);
    }

    private static void drawArc(GC gc, MapGeometry geometry, int fromCell, int toCell) {
        int x1 = geometry.cellX(fromCell);
        int y1 = geometry.cellY(fromCell);
        int x2 = geometry.cellX(toCell);
        int y2 = geometry.cellY(toCell);
        int lift = Math.max(14, Math.abs(x2 - x1) / 4);
        Path path = new Path(gc.getDevice());
        try {
            path.moveTo(x1, y1);
            path.cubicTo(x1, y1 - lift, x2, y2 - lift, x2, y2);
            gc.drawPath(path);
        } finally {
            path.dispose();
        }
        gc.setBackground(MapCanvas.color(ARC));
        gc.fillOval(x1 - 3, y1 - 3, 7, 7);
        gc.fillOval(x2 - 3, y2 - 3, 7, 7);
    }

    private static void drawOutline(GC gc, MapFrame frame, long start, long end, int rgb, int width) {
        int first = frame.cellOfAddress(start);
        int last = frame.cellOfAddress(end - 1);
        if (first < 0 || last < 0) {
            return;
        }
        MapGeometry geometry = frame.geometry();
        gc.setForeground(MapCanvas.color(rgb));
        gc.setLineWidth(width);
        int columns = geometry.columns();
        for (int row = first / columns; row <= last / columns; row++) {
            int from = Math.max(first, row * columns);
            int to = Math.min(last, row * columns + columns - 1);
            gc.drawRectangle(geometry.cellX(from) - 1, geometry.rowTop(row) - 1,
                    to - from + 2, geometry.bandHeight() + 1);
        }
        gc.setLineWidth(1);
    }

    /** A suspect's rank in a small magenta tab over its first cell, so even a thin region's mark is seen. */
    private static void drawBadge(GC gc, MapFrame frame, long start, String rank) {
        int first = frame.cellOfAddress(start);
        if (first < 0) {
            return;
        }
        MapGeometry geometry = frame.geometry();
        int row = first / geometry.columns();
        var extent = gc.textExtent(rank);
        int x = geometry.cellX(first);
        int y = geometry.rowTop(row) - extent.y / 2;
        gc.setBackground(MapCanvas.color(SUSPECT));
        gc.fillRoundRectangle(x - 2, y, extent.x + 6, extent.y, 4, 4);
        gc.setForeground(MapCanvas.color(0xFFFFFF));
        gc.drawText(rank, x + 1, y, true);
    }
}
