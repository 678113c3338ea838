package org.vmatlas.render.table;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Residency;
import org.vmatlas.syscall.Prot;
import org.vmatlas.render.map.RegionText;

/**
 * The columns of the region table: the header, the cell text, and how rows sort. Numeric columns sort on
 * the address space's indexed accessors without building regions; the others on their text.
 */
public enum RegionColumn {
    START("start", 130), END("end", 130), SIZE("size", 80), PROT("prot", 50), MAX_PROT("max", 50),
    SHARING("mapping", 80), STATE("state", 90), BACKING("backing", 170), LABEL("label", 160),
    TYPE("type", 90), OWNER("owner", 150), RSS("rss", 75), PSS("pss", 75), DIRTY("dirty", 75), SWAP("swap", 75);

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
            default -> "";
        };
    }

    /**
     * The cell text of region {@code index} of a classified address space: the type, owner and residency
     * columns read {@code owners} (empty without it, or where residency was not measured).
     */
    public String text(Region region, Classification owners, int index) {
        if (ordinal() < TYPE.ordinal()) {
            return text(region);
        }
        if (owners == null || index >= owners.size()) {
            return "";
        }
        return switch (this) {
            case TYPE -> owners.type(index).displayName();
            case OWNER -> owners.owner(index).name().isEmpty() ? "" : owners.owner(index).label();
            default -> {
                long figure = figure(owners.residency(index));
                yield Residency.known(figure) ? RegionText.size(figure) : "";
            }
        };
    }

    private long figure(Residency r) {
        return switch (this) {
            case RSS -> r.rss();
            case PSS -> r.pss();
            case DIRTY -> Residency.known(r.privateDirty()) && Residency.known(r.sharedDirty())
                    ? r.privateDirty() + r.sharedDirty() : Residency.UNKNOWN_BYTES;
            case SWAP -> r.swap();
            default -> throw new IllegalStateException(this + " is no residency figure");
        };
    }

    /** {@code true} for the columns that show residency. */
    public boolean residency() {
        return ordinal() >= RSS.ordinal();
    }

    /** {@code true} when the column sorts on a number read straight from the address space. */
    public boolean numeric() {
        return this == START || this == END || this == SIZE || this == PROT || residency();
    }

    long numericKey(AddressSpace space, Classification owners, int index) {
        if (residency()) {
            return owners == null || index >= owners.size() ? -1 : figure(owners.residency(index));
        }
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
