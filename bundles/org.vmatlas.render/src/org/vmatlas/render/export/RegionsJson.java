package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.Residency;
import org.vmatlas.syscall.Prot;

/**
 * The regions of an address space as JSON: {@code {"regions": [ {...}, ... ]}}, each region with the fields
 * of {@link RegionsCsv} ({@code start}, {@code end}, {@code size}, {@code prot}, {@code maxProt},
 * {@code shared}, {@code state}, {@code stateInferred}, {@code backing: {kind, name, offset, device, inode}},
 * {@code label}, {@code owner: {type, name, part, thread}}, and {@code residency: {rss, pss, privateDirty,
 * sharedDirty, swap}} where measured; unknown figures are {@code null}).
 * Addresses are hexadecimal strings because JSON readers hold numbers as doubles, exact only up to 2^53.
 */
public final class RegionsJson {

    private RegionsJson() {
    }

    /** Writes {@code space} with the types the generic rules give (no process, no runtime recognizers). */
    public static void write(AddressSpace space, Writer out) throws IOException {
        write(Classifications.of(space), out);
    }

    /** Writes the regions of {@code owners} (the user space, then {@code [vsyscall]}) with owners and residency. */
    public static void write(Classification owners, Writer out) throws IOException {
        try (JsonGenerator json = Formats.json(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("regions");
            for (int i = 0; i < owners.size(); i++) {
                json.writeStartObject();
                fields(json, owners.regions().get(i));
                owner(json, owners.owner(i));
                if (owners.hasResidency()) {
                    residency(json, owners.residency(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    private static void owner(JsonGenerator json, Owner owner) throws IOException {
        json.writeObjectFieldStart("owner");
        json.writeStringField("type", owner.type().displayName());
        json.writeStringField("name", owner.name());
        json.writeStringField("part", owner.part());
        if (owner.hasThread()) {
            json.writeNumberField("thread", owner.threadId());
        } else {
            json.writeNullField("thread");
        }
        json.writeEndObject();
    }

    private static void residency(JsonGenerator json, Residency r) throws IOException {
        json.writeObjectFieldStart("residency");
        figure(json, "rss", r.rss());
        figure(json, "pss", r.pss());
        figure(json, "privateDirty", r.privateDirty());
        figure(json, "sharedDirty", r.sharedDirty());
        figure(json, "swap", r.swap());
        json.writeEndObject();
    }

    private static void figure(JsonGenerator json, String name, long value) throws IOException {
        if (Residency.known(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
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
        fields(json, region);
        json.writeEndObject();
    }

    private static void fields(JsonGenerator json, Region region) throws IOException {
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
        json.writeStringField("device", region.backing().deviceText());
        json.writeNumberField("inode", region.backing().inode());
        json.writeEndObject();
        json.writeStringField("label", region.label());
    }
}
