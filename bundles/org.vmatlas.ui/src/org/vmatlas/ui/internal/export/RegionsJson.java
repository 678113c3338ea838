package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/**
 * The regions of an address space as JSON: {@code {"regions": [ {...}, ... ]}}, each region with the fields
 * of {@link RegionsCsv} ({@code start}, {@code end}, {@code size}, {@code prot}, {@code maxProt},
 * {@code shared}, {@code state}, {@code stateInferred}, {@code backing: {kind, name, offset}}, {@code label}).
 * Addresses are hexadecimal strings because JSON readers hold numbers as doubles, exact only up to 2^53.
 */
public final class RegionsJson {

    private RegionsJson() {
    }

    public static void write(AddressSpace space, Writer out) throws IOException {
        Json json = new Json(out);
        json.beginObject().name("regions").beginArray();
        for (int i = 0; i < space.size(); i++) {
            region(json, space.region(i));
        }
        json.endArray().endObject();
        out.flush();
    }

    static void regions(Json json, List<Region> regions) throws IOException {
        json.beginArray();
        for (Region region : regions) {
            region(json, region);
        }
        json.endArray();
    }

    static void region(Json json, Region region) throws IOException {
        json.beginObject()
                .name("start").value(Csv.hex(region.start()))
                .name("end").value(Csv.hex(region.end()))
                .name("size").value(region.length())
                .name("prot").value(Prot.letters(region.prot()))
                .name("maxProt").value(Prot.letters(region.maxProt()))
                .name("shared").value(region.shared())
                .name("state").value(RegionsCsv.lower(region.state()))
                .name("stateInferred").value(region.stateInferred())
                .name("backing").beginObject()
                    .name("kind").value(RegionsCsv.lower(region.backing().kind()))
                    .name("name").value(region.backing().name())
                    .name("offset").value(region.backing().offset())
                .endObject()
                .name("label").value(region.label())
                .endObject();
    }
}
