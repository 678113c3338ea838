package org.vmatlas.ui.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

class RegionsExportTest {

    private final AddressSpace space = ExportSessions.build().space();

    @Test
    void csvReadsBackRegionByRegion() throws IOException {
        StringWriter out = new StringWriter();
        RegionsCsv.write(space, out);
        List<List<String>> rows = CsvReader.rows(out.toString());
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
    @SuppressWarnings("unchecked")
    void jsonReadsBackRegionByRegion() throws IOException {
        StringWriter out = new StringWriter();
        RegionsJson.write(space, out);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(out.toString());
        List<Object> regions = (List<Object>) root.get("regions");
        assertEquals(space.size(), regions.size());
        for (int i = 0; i < space.size(); i++) {
            Region region = space.region(i);
            Map<String, Object> json = (Map<String, Object>) regions.get(i);
            assertEquals(region.start(), Long.decode((String) json.get("start")));
            assertEquals(region.end(), Long.decode((String) json.get("end")));
            assertEquals(region.length(), json.get("size"));
            assertEquals(Prot.letters(region.prot()), json.get("prot"));
            assertEquals(Prot.letters(region.maxProt()), json.get("maxProt"));
            assertEquals(region.shared(), json.get("shared"));
            assertEquals(region.state().name().toLowerCase(), json.get("state"));
            assertEquals(region.stateInferred(), json.get("stateInferred"));
            Map<String, Object> backing = (Map<String, Object>) json.get("backing");
            assertEquals(region.backing().name(), backing.get("name"));
            assertEquals(region.backing().offset(), backing.get("offset"));
            assertEquals(region.label(), json.get("label"));
        }
    }
}
