package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Prot;

/**
 * What the map's colours mean, in the order the window, the PNG and the SVG show them. One list, so that
 * every picture of the map explains itself the same way; each swatch is painted by the map's own painter,
 * so a hatch, a break's strokes or a conflict's bar look in the legend exactly as on the map.
 */
public final class Legend {

    /** A swatch's cell class for the conflict entry: a free cell with the conflict's bar on top. */
    private static final int CONFLICT_CODE = -1;

    /**
     * One swatch: its main colour, its words, whether it is drawn hatched (reserved pages), and the cell class
     * it shows ({@code -1} for the conflict mark).
     */
    public record Entry(int rgb, String text, boolean hatched, int code) {
        /** The cut-out gap: strokes on the background, not a filled colour. */
        public boolean isBreak() {
            return code == CellClass.BREAK;
        }
    }

    private Legend() {
    }

    /** The entries for the palette in use now (the preferences may have changed the protection colours). */
    public static List<Entry> entries() {
        return entries(Colouring.PROTECTION);
    }

    /** The entries of a colour mode: its own colours, then free, gap and conflict, drawn alike in every mode. */
    public static List<Entry> entries(Colouring colouring) {
        if (colouring.mode() != ColourMode.PROTECTION) {
            List<Entry> out = colouring.entries();
            addCommon(out);
            return out;
        }
        List<Entry> out = new ArrayList<>();
        for (int prot : new int[] { Prot.NONE, Prot.READ, Prot.RW, Prot.RX, Prot.RWX }) {
            out.add(new Entry(MapColors.ofProt(prot), Prot.letters(prot) + (prot == Prot.NONE ? " reserved" : ""),
                    prot == Prot.NONE, CellClass.PROTECTED + prot));
        }
        out.add(new Entry(MapColors.ofClass(CellClass.PREPARED + Prot.RW), "prepared (released)", false,
                CellClass.PREPARED + Prot.RW));
        addCommon(out);
        return out;
    }

    private static void addCommon(List<Entry> out) {
        out.add(new Entry(MapColors.FREE, "free", false, CellClass.FREE));
        out.add(new Entry(MapColors.BREAK_MARK, "gap cut out", false, CellClass.BREAK));
        out.add(new Entry(MapColors.CONFLICT, "conflict", false, CONFLICT_CODE));
    }

    /** The swatch's pixels (0xRRGGBB, row by row), painted as the map paints a band of {@code height}. */
    public static int[] swatch(Entry entry, int width, int height) {
        return swatch(entry, width, height, Colouring.PROTECTION);
    }

    /** As {@link #swatch(Entry, int, int)}, in a colour mode's palette. */
    public static int[] swatch(Entry entry, int width, int height, Colouring colouring) {
        int[] pixels = new int[width * height];
        boolean conflict = entry.code() == CONFLICT_CODE;
        int code = conflict ? CellClass.FREE : entry.code();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = MapPainter.colour(colouring, code, x, y, height, conflict, false);
            }
        }
        return pixels;
    }
}
