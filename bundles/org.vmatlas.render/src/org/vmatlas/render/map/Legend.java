package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Prot;

/**
 * What the map's colours mean, in the order the window, the PNG and the SVG show them. One list, so that
 * every picture of the map explains itself the same way.
 */
public final class Legend {

    /** One swatch: its colour, its words, and whether it is drawn hatched (reserved pages). */
    public record Entry(int rgb, String text, boolean hatched) {
    }

    private Legend() {
    }

    /** The entries for the palette in use now (the preferences may have changed the protection colours). */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (int prot : new int[] { Prot.NONE, Prot.READ, Prot.RW, Prot.RX, Prot.RWX }) {
            out.add(new Entry(MapColors.ofProt(prot), Prot.letters(prot) + (prot == Prot.NONE ? " reserved" : ""),
                    prot == Prot.NONE));
        }
        out.add(new Entry(MapColors.blend(MapColors.ofProt(Prot.RW), 0xFFFFFF, 0.55), "prepared (released)", false));
        out.add(new Entry(MapColors.FREE, "free", false));
        out.add(new Entry(MapColors.BREAK, "gap cut out", false));
        out.add(new Entry(MapColors.CONFLICT, "conflict", false));
        return out;
    }
}
