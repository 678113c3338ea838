package org.vmatlas.render.map;

import org.vmatlas.syscall.Prot;

/**
 * The map's palette, as 0xRRGGBB values so the painter and the tests need no display. Colours follow
 * protection; a page both writable and executable is red because it is the one to worry about.
 */
public final class MapColors {
    public static final int BACKGROUND = 0xF5F5F2;
    public static final int FREE = 0xE3E3DE;
    public static final int BREAK = 0xC4C4BE;
    public static final int BREAK_MARK = 0x8A8A84;
    public static final int HATCH = 0xD0D0CC;
    public static final int CONFLICT = 0xD62728;
    public static final int FLASH = 0xFFE14D;
    public static final int TEXT = 0x30302C;

    private static final int[] DEFAULT_BY_PROT = {
        0x8C8C88, // ---: reserved, hatched
        0x4C78A8, // r--
        0x9467BD, // -w-
        0x54A24B, // rw-
        0xEECA3B, // --x
        0xF58518, // r-x
        0xE45756, // -wx
        0xE45756, // rwx
    };
    /** The palette in use: the defaults, or the colours chosen in the preferences. */
    private static volatile int[] byProt = DEFAULT_BY_PROT.clone();

    private MapColors() {
    }

    /** The colour of a protection ({@link Prot} bits). */
    public static int ofProt(int prot) {
        return byProt[prot & Prot.RWX];
    }

    /** Changes the colour of a protection (write+exec colours follow rwx). */
    public static void setProtColour(int prot, int rgb) {
        int[] next = byProt.clone();
        next[prot & Prot.RWX] = rgb & 0xFFFFFF;
        if ((prot & Prot.RWX) == Prot.RWX) {
            next[Prot.WRITE | Prot.EXEC] = rgb & 0xFFFFFF;
        }
        byProt = next;
    }

    /** The base colour of a cell class; Prepared regions are the protection's colour washed out. */
    public static int ofClass(int code) {
        if (code == CellClass.FREE) {
            return FREE;
        }
        if (code == CellClass.BREAK) {
            return BREAK;
        }
        int base = ofProt(CellClass.prot(code));
        return code >= CellClass.PREPARED ? blend(base, 0xFFFFFF, 0.55) : base;
    }

    /** The border drawn between two neighbouring regions of one colour: the colour, darkened. */
    public static int edge(int rgb) {
        return blend(rgb, 0x000000, 0.45);
    }

    public static int blend(int a, int b, double towardB) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - towardB) + ((b >> 16) & 0xFF) * towardB);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - towardB) + ((b >> 8) & 0xFF) * towardB);
        int bl = (int) Math.round((a & 0xFF) * (1 - towardB) + (b & 0xFF) * towardB);
        return (r << 16) | (g << 8) | bl;
    }
}
