package org.vmatlas.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

import com.fasterxml.jackson.databind.JsonNode;

class RegionsExportTest {

    private final AddressSpace space = ExportSessions.build().space();

    @Test
    void csvReadsBackRegionByRegion() throws IOException {
        StringWriter out = new StringWriter();
        RegionsCsv.write(space, out);
        List<List<String>> rows = Readers.csvRows(out.toString());
        assertEquals(Arrays.asList(RegionsCsv.COLUMNS), rows.getFirst());
        assertEquals(space.size() + 1, rows.size());
        boolean sawAwkward = false;
        for (int i = 0; i < space.size(); i++) {
            Region region = space.region(i);
            List<String> row = rows.get(i + 1);
            assertEquals(RegionsCsv.COLUMNS.length, row.size(), row.toString());
            assertEquals(region.start(), Long.decode(row.get(0)));
            assertEquals(region.end(), Long.decode(row.get(1)));
            assertEquals(region.length(), Long.parseLong(row.get(2)));
            assertEquals(region.prot(), Prot.parse(row.get(3)));
            assertEquals(region.maxProt(), Prot.parse(row.get(4)));
            assertEquals(region.shared(), row.get(5).equals("shared"));
            assertEquals(region.state().name(), row.get(6).toUpperCase());
            assertEquals(region.stateInferred(), Boolean.parseBoolean(row.get(7)));
            assertEquals(region.backing().kind().name(), row.get(8).toUpperCase());
            assertEquals(region.backing().name(), row.get(9));
            assertEquals(region.backing().offset(), Long.parseLong(row.get(10)));
            assertEquals(region.label() == null ? "" : region.label(), row.get(11));
            sawAwkward |= ExportSessions.AWKWARD_LABEL.equals(region.label());
        }
        assertTrue(sawAwkward, "the label with commas, quotes and line breaks was exported");
    }

    @Test
    void jsonReadsBackRegionByRegion() throws IOException {
        StringWriter out = new StringWriter();
        RegionsJson.write(space, out);
        JsonNode regions = Readers.json(out.toString()).get("regions");
        assertEquals(space.size(), regions.size());
        for (int i = 0; i < space.size(); i++) {
            Region region = space.region(i);
            JsonNode json = regions.get(i);
            assertEquals(region.start(), Long.decode(json.get("start").asText()));
            assertEquals(region.end(), Long.decode(json.get("end").asText()));
            assertEquals(region.length(), json.get("size").asLong());
            assertEquals(Prot.letters(region.prot()), json.get("prot").asText());
            assertEquals(Prot.letters(region.maxProt()), json.get("maxProt").asText());
            assertEquals(region.shared(), json.get("shared").asBoolean());
            assertEquals(region.state().name().toLowerCase(), json.get("state").asText());
            assertEquals(region.stateInferred(), json.get("stateInferred").asBoolean());
            JsonNode backing = json.get("backing");
            assertEquals(region.backing().name(), backing.get("name").asText());
            assertEquals(region.backing().offset(), backing.get("offset").asLong());
            JsonNode label = json.get("label");
            assertEquals(region.label(), label.isNull() ? null : label.asText());
        }
    }
}
