package org.vmatlas.render.table;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;
import org.vmatlas.render.map.RegionText;

/**
 * The columns of the region table: the header, the cell text, and how rows sort. Numeric columns sort on
 * the address space's indexed accessors without building regions; the others on their text.
 */
public enum RegionColumn {
    START("start", 130), END("end", 130), SIZE("size", 80), PROT("prot", 50), MAX_PROT("max", 50),
    SHARING("mapping", 80), STATE("state", 90), BACKING("backing", 170), LABEL("label", 160);

    private final String title;
    private final int width;

    RegionColumn(String title, int width) {
        this.title = title;
        this.width = width;
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public String text(Region region) {
        return switch (this) {
            case START -> hex(region.start());
            case END -> hex(region.end());
            case SIZE -> RegionText.size(region.length());
            case PROT -> Prot.letters(region.prot());
            case MAX_PROT -> Prot.letters(region.maxProt());
            case SHARING -> region.shared() ? "shared" : "private";
            case STATE -> region.state().name().toLowerCase(java.util.Locale.ROOT) + (region.stateInferred() ? " ?" : "");
            case BACKING -> RegionText.backing(region.backing());
            case LABEL -> region.label() == null ? "" : region.label();
        };
    }

    /** {@code true} when the column sorts on a number read straight from the address space. */
    public boolean numeric() {
        return this == START || this == END || this == SIZE || this == PROT;
    }

    long numericKey(AddressSpace space, int index) {
        return switch (this) {
            case START -> space.start(index);
            case END -> space.end(index);
            case SIZE -> space.end(index) - space.start(index);
            case PROT -> space.prot(index);
            default -> throw new IllegalStateException(this + " sorts on text");
        };
    }

    public static String hex(long address) {
        return String.format("%012x", address);
    }
}
