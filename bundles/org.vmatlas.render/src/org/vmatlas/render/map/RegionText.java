package org.vmatlas.render.map;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/** Words for a region, shared by the map's hover, the table and the event log. */
public final class RegionText {

    private RegionText() {
    }

    public static String describe(Region region) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%x-%x  %s", region.start(), region.end(), size(region.end() - region.start())));
        text.append("\nprotection ").append(Prot.letters(region.prot()))
                .append(region.shared() ? " shared" : " private");
        if (region.maxProt() != Prot.RWX) {
            text.append(", maximum ").append(Prot.letters(region.maxProt()));
        }
        text.append("\nstate ").append(region.state().name().toLowerCase())
                .append(region.stateInferred() ? " (inferred)" : "");
        text.append("\nbacking ").append(backing(region.backing()));
        if (region.backing().inode() != 0) {
            text.append("\ndevice ").append(region.backing().deviceText()).append(" inode ")
                    .append(Long.toUnsignedString(region.backing().inode()));
        }
        if (region.label() != null && !region.label().isEmpty()) {
            text.append("\nlabel ").append(region.label());
        }
        return text.toString();
    }

    public static String backing(Backing backing) {
        return switch (backing.kind()) {
            case ANONYMOUS -> backing.name().isEmpty() ? "anonymous" : backing.name() + " (anonymous)";
            case FILE -> backing.name() + " +0x" + Long.toHexString(backing.offset());
            case MEMFD -> "memfd " + backing.name() + " +0x" + Long.toHexString(backing.offset());
        };
    }

    /** {@code 4 KiB}, {@code 1.5 MiB}, {@code 64 GiB}. */
    public static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value == Math.rint(value) ? String.format("%d %s", (long) value, units[unit])
                : String.format("%.1f %s", value, units[unit]);
    }
}
