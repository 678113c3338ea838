package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;

import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.SysResult;

/**
 * A timeline's events as JSON: {@code {"events": [ {...}, ... ]}}, each with {@code sequence},
 * {@code timeNanos}, {@code source}, {@code call} (C syntax, {@code null} for a snapshot diff),
 * {@code result} ({@code null} for a snapshot, else {@code outcome} ok/error/refused with {@code value} or
 * {@code errno} and {@code detail}), {@code removed} and {@code added} (regions as in {@link RegionsJson}) and
 * {@code conflicts} ({@code kind}, {@code start}, {@code end}, {@code message}).
 */
public final class EventsJson {

    private EventsJson() {
    }

    /** Writes the events the timeline holds when the call starts; later appends are left out. */
    public static void write(Timeline timeline, Writer out) throws IOException {
        try (JsonGenerator json = Formats.json(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("events");
            int count = timeline.size();
            for (int i = 0; i < count; i++) {
                event(json, timeline.event(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.flush();
    }

    private static void event(JsonGenerator json, Event event) throws IOException {
        json.writeStartObject();
        json.writeNumberField("sequence", event.sequence());
        json.writeNumberField("timeNanos", event.timeNanos());
        json.writeStringField("source", event.source());
        json.writeStringField("call", event.call() == null ? null : event.call().describe());
        json.writeFieldName("result");
        result(json, event.result());
        RegionsJson.regions(json, "removed", event.removed());
        RegionsJson.regions(json, "added", event.added());
        json.writeArrayFieldStart("conflicts");
        for (Conflict conflict : event.conflicts()) {
            json.writeStartObject();
            json.writeStringField("kind", conflict.kind().name());
            json.writeStringField("start", Hex.of(conflict.start()));
            json.writeStringField("end", Hex.of(conflict.end()));
            json.writeStringField("message", conflict.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void result(JsonGenerator json, SysResult result) throws IOException {
        if (result == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("outcome", EventsCsv.outcome(result));
        if (result instanceof SysResult.Ok(long value)) {
            json.writeStringField("value", Hex.of(value));
        } else if (result instanceof SysResult.Err err) {
            json.writeStringField("errno", err.errno().name());
            json.writeStringField("detail", EventsCsv.detail(err));
        }
        json.writeEndObject();
    }
}
