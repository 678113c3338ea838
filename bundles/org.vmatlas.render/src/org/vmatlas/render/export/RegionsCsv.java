package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVPrinter;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
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
 * </ol>
 */
public final class RegionsCsv {

    public static final String[] COLUMNS = { "start", "end", "size", "prot", "max_prot", "sharing", "state",
        "state_inferred", "backing_kind", "backing_name", "backing_offset", "label" };

    private RegionsCsv() {
    }

    public static void write(AddressSpace space, Writer out) throws IOException {
        CSVPrinter csv = Formats.csv(out, COLUMNS);
        for (int i = 0; i < space.size(); i++) {
            Region region = space.region(i);
            csv.printRecord(Hex.of(region.start()), Hex.of(region.end()), region.length(), Prot.letters(region.prot()),
                    Prot.letters(region.maxProt()), region.shared() ? "shared" : "private", lower(region.state()),
                    region.stateInferred(), lower(region.backing().kind()), region.backing().name(),
                    region.backing().offset(), region.label());
        }
        csv.flush();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
