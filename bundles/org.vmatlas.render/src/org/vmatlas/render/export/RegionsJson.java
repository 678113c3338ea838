package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

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
        try (JsonGenerator json = Formats.json(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("regions");
            for (int i = 0; i < space.size(); i++) {
                region(json, space.region(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    static void regions(JsonGenerator json, String field, List<Region> regions) throws IOException {
        json.writeArrayFieldStart(field);
        for (Region region : regions) {
            region(json, region);
        }
        json.writeEndArray();
    }

    static void region(JsonGenerator json, Region region) throws IOException {
        json.writeStartObject();
        json.writeStringField("start", Hex.of(region.start()));
        json.writeStringField("end", Hex.of(region.end()));
        json.writeNumberField("size", region.length());
        json.writeStringField("prot", Prot.letters(region.prot()));
        json.writeStringField("maxProt", Prot.letters(region.maxProt()));
        json.writeBooleanField("shared", region.shared());
        json.writeStringField("state", RegionsCsv.lower(region.state()));
        json.writeBooleanField("stateInferred", region.stateInferred());
        json.writeObjectFieldStart("backing");
        json.writeStringField("kind", RegionsCsv.lower(region.backing().kind()));
        json.writeStringField("name", region.backing().name());
        json.writeNumberField("offset", region.backing().offset());
        json.writeEndObject();
        json.writeStringField("label", region.label());
        json.writeEndObject();
    }
}
