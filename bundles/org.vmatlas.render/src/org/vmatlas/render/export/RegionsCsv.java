package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVPrinter;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.Residency;
import org.vmatlas.syscall.Prot;

/**
 * The regions of an address space as CSV, one region a line after a header. Columns:
 * <ol>
 * <li>{@code start}, {@code end}: hexadecimal addresses with {@code 0x}, end exclusive</li>
 * <li>{@code size}: bytes, decimal</li>
 * <li>{@code prot}, {@code max_prot}: letters as in {@code /proc/PID/maps} ({@code rw-})</li>
 * <li>{@code sharing}: {@code private} or {@code shared}</li>
 * <li>{@code state}: {@code reserved}, {@code prepared}, {@code ready} or {@code unknown}</li>
 * <li>{@code state_inferred}: {@code true} when guessed from protection and advice, not set by a Go operation</li>
 * <li>{@code backing_kind}: {@code anonymous}, {@code file} or {@code memfd}; {@code backing_name}: path or
 * name; {@code backing_offset}: decimal offset into the object of the region's first byte</li>
 * <li>{@code label}: who made it, empty when unknown</li>
 * <li>{@code backing_device}: {@code major:minor} in hex as in {@code /proc/PID/maps}; {@code backing_inode}:
 * decimal, 0 for anonymous memory</li>
 * <li>{@code type}: the region's type ({@code Image}, {@code Mapped file}, {@code Heap}...); {@code owner}: who it
 * belongs to ({@code libc.so.6}, {@code stack of thread 4711}); {@code owner_part}: {@code text}, {@code bss}...;
 * {@code thread}: the thread id of a stack or its guard; each empty when unknown</li>
 * <li>{@code rss}, {@code pss}, {@code private_dirty}, {@code shared_dirty}, {@code swap}: bytes, empty when not
 * measured</li>
 * </ol>
 * Rows follow the classification's regions: the user space, then the regions above it ({@code [vsyscall]}).
 */
public final class RegionsCsv {

    public static final String[] COLUMNS = { "start", "end", "size", "prot", "max_prot", "sharing", "state",
        "state_inferred", "backing_kind", "backing_name", "backing_offset", "label", "backing_device", "backing_inode",
        "type", "owner", "owner_part", "thread", "rss", "pss", "private_dirty", "shared_dirty", "swap" };

    private RegionsCsv() {
    }

    /** Writes {@code space} with the types the generic rules give (no process, no runtime recognizers). */
    public static void write(AddressSpace space, Writer out) throws IOException {
        write(Classifications.of(space), out);
    }

    /** Writes the regions of {@code owners} with their types, owners and, where measured, residency. */
    public static void write(Classification owners, Writer out) throws IOException {
        CSVPrinter csv = Formats.csv(out, COLUMNS);
        for (int i = 0; i < owners.size(); i++) {
            Region region = owners.regions().get(i);
            Owner owner = owners.owner(i);
            Residency r = owners.residency(i);
            csv.printRecord(Hex.of(region.start()), Hex.of(region.end()), region.length(), Prot.letters(region.prot()),
                    Prot.letters(region.maxProt()), region.shared() ? "shared" : "private", lower(region.state()),
                    region.stateInferred(), lower(region.backing().kind()), region.backing().name(),
                    region.backing().offset(), region.label(), region.backing().deviceText(),
                    Long.toUnsignedString(region.backing().inode()), owner.type().displayName(), owner.name(),
                    owner.part(), owner.hasThread() ? owner.threadId() : null, bytes(r.rss()), bytes(r.pss()),
                    bytes(r.privateDirty()), bytes(r.sharedDirty()), bytes(r.swap()));
        }
        csv.flush();
    }

    static Long bytes(long figure) {
        return Residency.known(figure) ? figure : null;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
