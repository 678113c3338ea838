package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.vmatlas.model.Region;
import org.vmatlas.render.map.CellClass;
import org.vmatlas.render.map.DuplicateArcs;
import org.vmatlas.render.map.Legend;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLabels;

/**
 * The map as SVG, from the same {@link MapFrame} the canvas draws: per row, one {@code <rect>} per run of equal
 * cells (never one per region, so a million regions make a file the size of the picture), reservations
 * hatched, an address label per row and an arc between duplicate mappings, as on screen.
 */
public final class MapSvg {

    private static final String HATCH = "hatch";
    private static final String BREAKS = "breaks";

    private MapSvg() {
    }

    /**
     * Writes the map as the PNG picture shows it ({@link MapPicture}): a title line, the map (group
     * {@code map}, moved down by the title) with each row's address, and the legend (group {@code legend}).
     */
    public static void write(MapFrame frame, List<List<Region>> duplicates, String title, Writer out) throws IOException {
        MapGeometry geometry = frame.geometry();
        int height = MapPicture.height(geometry.height());
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                geometry.width(), height, geometry.width(), height));
        out.write("<title>" + escape(title) + "</title>\n");
        out.write("<defs><pattern id=\"" + HATCH + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"6\" height=\"6\" fill=\"" + color(MapColors.ofClass(CellClass.PROTECTED)) + "\"/>"
                + "<path d=\"M0 6L6 0\" stroke=\"" + color(MapColors.HATCH) + "\"/></pattern>"
                // The painter's break: steep strokes (three down for one across) on the background.
                + "<pattern id=\"" + BREAKS + "\" width=\"4\" height=\"12\" patternUnits=\"userSpaceOnUse\">"
                + "<rect width=\"4\" height=\"12\" fill=\"" + color(MapColors.BACKGROUND) + "\"/>"
                + "<path d=\"M-1 15L5 -3\" stroke=\"" + color(MapColors.BREAK_MARK) + "\" stroke-width=\"1.3\"/></pattern></defs>\n");
        out.write(String.format(Locale.ROOT, "<g class=\"title\"><rect width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"8\" y=\"%d\" font-family=\"sans-serif\" font-size=\"14\" font-weight=\"bold\" fill=\"%s\">%s</text></g>%n",
                geometry.width(), height, color(MapColors.BACKGROUND), MapPicture.TITLE_HEIGHT - 9, color(MapColors.TEXT),
                escape(title)));
        out.write(String.format(Locale.ROOT, "<g class=\"map\" transform=\"translate(0,%d)\">%n", MapPicture.TITLE_HEIGHT));
        out.write(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", geometry.width(), geometry.height(),
                color(MapColors.BACKGROUND)));
        byte[] classes = frame.classes();
        for (int row = 0; row < geometry.rows(); row++) {
            writeRow(out, frame, classes, row);
        }
        writeConflicts(out, frame);
        out.write("<g fill=\"none\" stroke=\"#6a3d9a\" stroke-width=\"2\">\n");
        for (List<Region> group : DuplicateArcs.shown(duplicates, null, null)) {
            for (int i = 1; i < group.size(); i++) {
                writeArc(out, frame, group.getFirst().start(), group.get(i).start());
            }
        }
        out.write("</g>\n</g>\n");
        writeLabels(out, frame);
        writeLegend(out, frame, MapPicture.TITLE_HEIGHT + geometry.height());
        out.write("</svg>\n");
        out.flush();
    }

    /** The legend's swatches and words, in one row, as the picture and the window show them. */
    private static void writeLegend(Writer out, MapFrame frame, int top) throws IOException {
        out.write(String.format(Locale.ROOT, "<g class=\"legend\" transform=\"translate(0,%d)\" font-family=\"sans-serif\" font-size=\"12\">%n", top));
        int x = 8;
        for (Legend.Entry entry : Legend.entries(frame.colouring())) {
            boolean conflict = entry.rgb() == MapColors.CONFLICT && entry.code() < 0;
            String fill = entry.hatched() ? "url(#" + HATCH + ")" : entry.isBreak() ? "url(#" + BREAKS + ")"
                    : color(conflict ? MapColors.FREE : entry.rgb());
            out.write(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"%s\"/>",
                    x, fill, color(MapColors.TEXT)));
            if (conflict) {
                out.write(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"14\" height=\"5\" fill=\"%s\"/>", x,
                        color(MapColors.CONFLICT)));
            }
            out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" fill=\"%s\">%s</text>%n", x + 18,
                    color(MapColors.TEXT), escape(entry.text())));
            x += 18 + 7 * entry.text().length() + 12; // about 7 px a character at 12 px sans-serif
        }
        out.write("</g>\n");
    }

    /** Text for XML character data: the five special characters, and no control characters at all. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static void writeRow(Writer out, MapFrame frame, byte[] classes, int row) throws IOException {
        MapGeometry geometry = frame.geometry();
        int columns = geometry.columns();
        int first = row * columns;
        int y = geometry.rowTop(row);
        int runStart = first;
        for (int cell = first + 1; cell <= first + columns; cell++) {
            if (cell == first + columns || cell >= classes.length || classes[cell] != classes[runStart]) {
                int code = classes[runStart];
                String fill = frame.colouring().hatched(code) ? "url(#" + HATCH + ")"
                        : code == CellClass.BREAK ? "url(#" + BREAKS + ")" : color(frame.colouring().rgb(code));
                out.write(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n",
                        geometry.cellX(runStart), y, cell - runStart, geometry.bandHeight(), fill));
                if (cell >= classes.length) {
                    break;
                }
                runStart = cell;
            }
        }
        long address = frame.addressOfCell(first) & ~0xFFFL;
        if (address > 0) {
            out.write(String.format(Locale.ROOT, "<text x=\"6\" y=\"%d\" font-family=\"monospace\" font-size=\"11\" fill=\"%s\">%012x</text>%n",
                    y + geometry.bandHeight() / 2 + 4, color(MapColors.TEXT), address));
        }
    }

    /** The names and break sizes that fit, placed as the window places them (about 6 px a character at 11 px). */
    private static void writeLabels(Writer out, MapFrame frame) throws IOException {
        out.write(String.format(Locale.ROOT, "<g class=\"labels\" transform=\"translate(0,%d)\" font-family=\"sans-serif\" "
                + "font-size=\"11\" text-anchor=\"middle\">%n", MapPicture.TITLE_HEIGHT));
        for (MapLabels.Label label : MapLabels.place(frame, text -> 6 * text.length())) {
            out.write(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    label.x() + label.width() / 2, label.top() + label.height() / 2 + 4, color(label.rgb()),
                    escape(label.text())));
        }
        out.write("</g>\n");
    }

    /** The red bars over cells that hold a conflict, one {@code <path>} for all of them, as on screen. */
    private static void writeConflicts(Writer out, MapFrame frame) throws IOException {
        BitSet cells = frame.conflictCells();
        if (cells.isEmpty()) {
            return;
        }
        MapGeometry geometry = frame.geometry();
        StringBuilder path = new StringBuilder();
        for (int start = cells.nextSetBit(0); start >= 0; start = cells.nextSetBit(start)) {
            int row = start / geometry.columns();
            int end = Math.min(cells.nextClearBit(start), (row + 1) * geometry.columns());
            path.append(String.format(Locale.ROOT, "M%d %dh%dv5h-%dz", geometry.cellX(start), geometry.rowTop(row),
                    end - start, end - start));
            start = end;
        }
        out.write("<path class=\"conflicts\" fill=\"" + color(MapColors.CONFLICT) + "\" d=\"" + path + "\"/>\n");
    }

    private static void writeArc(Writer out, MapFrame frame, long from, long to) throws IOException {
        int a = frame.cellOfAddress(from);
        int b = frame.cellOfAddress(to);
        if (a < 0 || b < 0) {
            return;
        }
        MapGeometry geometry = frame.geometry();
        int x1 = geometry.cellX(a);
        int y1 = geometry.cellY(a);
        int x2 = geometry.cellX(b);
        int y2 = geometry.cellY(b);
        int lift = Math.max(14, Math.abs(x2 - x1) / 4);
        out.write(String.format(Locale.ROOT, "<path d=\"M%d %d C%d %d %d %d %d %d\"/>%n", x1, y1, x1, y1 - lift, x2, y2 - lift, x2, y2));
    }

    static String color(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }
}
