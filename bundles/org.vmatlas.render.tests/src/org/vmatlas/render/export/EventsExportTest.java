package org.vmatlas.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.SysResult;

import com.fasterxml.jackson.databind.JsonNode;

class EventsExportTest {

    private final Timeline timeline = ExportSessions.build().timeline();

    @Test
    void csvReadsBackEventByEvent() throws IOException {
        StringWriter out = new StringWriter();
        EventsCsv.write(timeline, out);
        List<List<String>> rows = Readers.csvRows(out.toString());
        assertEquals(Arrays.asList(EventsCsv.COLUMNS), rows.getFirst());
        assertEquals(timeline.size() + 1, rows.size());
        int failures = 0;
        int conflicted = 0;
        for (int i = 0; i < timeline.size(); i++) {
            Event event = timeline.event(i);
            List<String> row = rows.get(i + 1);
            assertEquals(EventsCsv.COLUMNS.length, row.size(), row.toString());
            assertEquals(event.sequence(), Long.parseLong(row.get(0)));
            assertEquals(event.timeNanos(), Long.parseLong(row.get(1)));
            assertEquals(event.source(), row.get(2));
            assertEquals(event.call().describe(), row.get(3));
            assertEquals(event.failed() ? "error" : "ok", row.get(4));
            if (event.result() instanceof SysResult.Ok(long value)) {
                assertEquals(value, Long.decode(row.get(5)));
            } else {
                failures++;
                assertEquals(event.result().errnoOrNull().name(), row.get(6));
            }
            assertEquals(event.removed().size(), Integer.parseInt(row.get(8)));
            assertEquals(event.added().size(), Integer.parseInt(row.get(9)));
            int kinds = row.get(10).isEmpty() ? 0 : row.get(10).split(";").length;
            assertEquals(event.conflicts().size(), kinds);
            conflicted += kinds > 0 ? 1 : 0;
        }
        assertTrue(failures > 0, "the session has a failed call to export");
        assertTrue(conflicted > 0, "the session has a conflict to export");
    }

    @Test
    void jsonReadsBackEventByEvent() throws IOException {
        StringWriter out = new StringWriter();
        EventsJson.write(timeline, out);
        JsonNode events = Readers.json(out.toString()).get("events");
        assertEquals(timeline.size(), events.size());
        for (int i = 0; i < timeline.size(); i++) {
            Event event = timeline.event(i);
            JsonNode json = events.get(i);
            assertEquals(event.sequence(), json.get("sequence").asLong());
            assertEquals(event.call().describe(), json.get("call").asText());
            JsonNode result = json.get("result");
            if (event.result() instanceof SysResult.Ok(long value)) {
                assertEquals("ok", result.get("outcome").asText());
                assertEquals(value, Long.decode(result.get("value").asText()));
            } else {
                assertEquals(event.result().errnoOrNull().name(), result.get("errno").asText());
            }
            JsonNode added = json.get("added");
            assertEquals(event.added().size(), added.size());
            for (int k = 0; k < added.size(); k++) {
                JsonNode region = added.get(k);
                assertEquals(event.added().get(k).start(), Long.decode(region.get("start").asText()));
                JsonNode label = region.get("label");
                assertEquals(event.added().get(k).label(), label.isNull() ? null : label.asText());
            }
            JsonNode conflicts = json.get("conflicts");
            assertEquals(event.conflicts().size(), conflicts.size());
            for (int k = 0; k < conflicts.size(); k++) {
                assertEquals(event.conflicts().get(k).kind().name(), conflicts.get(k).get("kind").asText());
                assertEquals(event.conflicts().get(k).message(), conflicts.get(k).get("message").asText());
            }
        }
    }

    @Test
    void jsonEscapesEveryControlCharacterAndLineSeparator() throws IOException {
        StringWriter out = new StringWriter();
        EventsJson.write(timeline, out);
        String text = out.toString();
        for (char c : text.toCharArray()) {
            assertTrue(c >= 0x20 && c != 0x2028 && c != 0x2029, "raw character " + (int) c + " in the export");
        }
        assertTrue(text.contains("\\u2028"), "the awkward label's line separator is escaped");
        boolean found = false;
        for (JsonNode event : Readers.json(text).get("events")) {
            for (JsonNode region : event.get("added")) {
                found |= ExportSessions.AWKWARD_LABEL.equals(region.get("label").asText());
            }
        }
        assertTrue(found, "the awkward label reads back as it was");
    }
}
