package org.vmatlas.render.map;

import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;

/**
 * What one cell of the map shows, as a small code: free, a compressed gap, or a protection.
 * Prepared regions (released to the OS but still reserved address space) get their own codes so a
 * Go heap's states stay visible even though Linux gives Prepared and Ready the same protection.
 */
public final class CellClass {
    public static final byte FREE = 0;
    public static final byte BREAK = 1;
    /** {@code PROTECTED + prot} for Ready / Unknown regions (prot in 0..7). */
    public static final byte PROTECTED = 2;
    /** {@code PREPARED + prot} for Prepared regions. */
    public static final byte PREPARED = 10;
    public static final int COUNT = 18;

    private CellClass() {
    }

    public static byte of(Region region) {
        int prot = region.prot() & 7;
        return (byte) ((region.state() == RegionState.PREPARED ? PREPARED : PROTECTED) + prot);
    }

    public static boolean isMapped(int code) {
        return code >= PROTECTED;
    }

    /** The protection bits a mapped class stands for. */
    public static int prot(int code) {
        return code >= PREPARED ? code - PREPARED : code - PROTECTED;
    }
}
