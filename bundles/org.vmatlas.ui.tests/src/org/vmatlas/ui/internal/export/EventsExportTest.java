package org.vmatlas.ui.internal.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.SysResult;

class EventsExportTest {

    private final Timeline timeline = ExportSessions.build().timeline();

    @Test
    void csvReadsBackEventByEvent() throws IOException {
        StringWriter out = new StringWriter();
        EventsCsv.write(timeline, out);
        List<List<String>> rows = CsvReader.rows(out.toString());
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
    @SuppressWarnings("unchecked")
    void jsonReadsBackEventByEvent() throws IOException {
        StringWriter out = new StringWriter();
        EventsJson.write(timeline, out);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(out.toString());
        List<Object> events = (List<Object>) root.get("events");
        assertEquals(timeline.size(), events.size());
        for (int i = 0; i < timeline.size(); i++) {
            Event event = timeline.event(i);
            Map<String, Object> json = (Map<String, Object>) events.get(i);
            assertEquals(event.sequence(), json.get("sequence"));
            assertEquals(event.call().describe(), json.get("call"));
            Map<String, Object> result = (Map<String, Object>) json.get("result");
            if (event.result() instanceof SysResult.Ok(long value)) {
                assertEquals("ok", result.get("outcome"));
                assertEquals(value, Long.decode((String) result.get("value")));
            } else {
                assertEquals(event.result().errnoOrNull().name(), result.get("errno"));
            }
            List<Object> added = (List<Object>) json.get("added");
            assertEquals(event.added().size(), added.size());
            for (int k = 0; k < added.size(); k++) {
                Map<String, Object> region = (Map<String, Object>) added.get(k);
                assertEquals(event.added().get(k).start(), Long.decode((String) region.get("start")));
                assertEquals(event.added().get(k).label(), region.get("label"));
            }
            List<Object> conflicts = (List<Object>) json.get("conflicts");
            assertEquals(event.conflicts().size(), conflicts.size());
            for (int k = 0; k < conflicts.size(); k++) {
                Map<String, Object> conflict = (Map<String, Object>) conflicts.get(k);
                assertEquals(event.conflicts().get(k).kind().name(), conflict.get("kind"));
                assertEquals(event.conflicts().get(k).message(), conflict.get("message"));
            }
        }
    }

    @Test
    void jsonEscapesEveryControlCharacter() {
        String quoted = Json.quote(ExportSessions.AWKWARD_LABEL);
        for (char c : quoted.toCharArray()) {
            assertTrue(c >= 0x20 && c != 0x2028, "raw character " + (int) c + " in " + quoted);
        }
        assertEquals(ExportSessions.AWKWARD_LABEL, MiniJson.parse(quoted));
    }
}
