package org.vmatlas.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsText;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A process's regions exported whole: every line of its maps is a row ({@code [vsyscall]} too), with the
 * kernel's name, device and inode, and the region's type and owner.
 */
class ProcessExportTest {

    private static final String MAPS = """
            7f0000000000-7f0000001000 r-xp 00001000 fe:00 339380                     /opt/gone/libx.so (deleted)
            7f0000001000-7f0000002000 rw-s 00000000 00:01 2048                       /memfd:jit (deleted)
            7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    private static Session observed() {
        List<Mapping> mappings = new ArrayList<>();
        byte[] text = MAPS.getBytes(StandardCharsets.UTF_8);
        new MapsText(new MapsText.Lines() {
            @Override
            public void mapping(Mapping mapping) {
                mappings.add(mapping);
            }

            @Override
            public void bad(long number, String line, String reason) {
                throw new AssertionError(reason);
            }
        }).parseAll(text, text.length);
        Session session = SimulatedSessions.service().openObservedSession("export fixture");
        session.applySnapshot(mappings, "fixture");
        return session;
    }

    @Test
    void csvHasEveryLineWithDeviceInodeAndType() throws IOException {
        StringWriter out = new StringWriter();
        RegionsCsv.write(observed().space(), out);
        List<List<String>> rows = Readers.csvRows(out.toString());
        List<String> header = rows.getFirst();
        assertEquals(5, rows.size(), "four regions and the header");
        List<String> got = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            got.add(String.join(" | ", row.get(0), row.get(header.indexOf("backing_name")),
                    row.get(header.indexOf("backing_device")), row.get(header.indexOf("backing_inode")),
                    row.get(header.indexOf("type")), row.get(header.indexOf("owner")), row.get(header.indexOf("owner_part")),
                    row.get(header.indexOf("rss"))));
        }
        assertEquals(List.of(
                "0x7f0000000000 | /opt/gone/libx.so (deleted) | fe:00 | 339380 | Image | libx.so | text | ",
                "0x7f0000001000 | /memfd:jit (deleted) | 00:01 | 2048 | Shared memory | memfd:jit |  | ",
                "0x7ffd00000000 | [stack] | 00:00 | 0 | Stack | [stack] |  | ",
                "0xffffffffff600000 | [vsyscall] | 00:00 | 0 | Kernel | [vsyscall] |  | "), got);
    }

    @Test
    void jsonHasEveryLineWithDeviceInodeAndOwner() throws IOException {
        StringWriter out = new StringWriter();
        RegionsJson.write(observed().space(), out);
        JsonNode regions = Readers.json(out.toString()).get("regions");
        assertEquals(4, regions.size());
        assertEquals("fe:00", regions.get(0).get("backing").get("device").asText());
        assertEquals(339380, regions.get(0).get("backing").get("inode").asLong());
        assertEquals("Image", regions.get(0).get("owner").get("type").asText());
        assertEquals("text", regions.get(0).get("owner").get("part").asText());
        assertEquals("0xffffffffff600000", regions.get(3).get("start").asText());
        assertEquals("Kernel", regions.get(3).get("owner").get("type").asText());
    }
}
