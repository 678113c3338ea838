package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.io.Writer;

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
        Json json = new Json(out);
        json.beginObject().name("events").beginArray();
        int count = timeline.size();
        for (int i = 0; i < count; i++) {
            event(json, timeline.event(i));
        }
        json.endArray().endObject();
        out.flush();
    }

    private static void event(Json json, Event event) throws IOException {
        json.beginObject()
                .name("sequence").value(event.sequence())
                .name("timeNanos").value(event.timeNanos())
                .name("source").value(event.source())
                .name("call").value(event.call() == null ? null : event.call().describe())
                .name("result");
        result(json, event.result());
        json.name("removed");
        RegionsJson.regions(json, event.removed());
        json.name("added");
        RegionsJson.regions(json, event.added());
        json.name("conflicts").beginArray();
        for (Conflict conflict : event.conflicts()) {
            json.beginObject()
                    .name("kind").value(conflict.kind().name())
                    .name("start").value(Csv.hex(conflict.start()))
                    .name("end").value(Csv.hex(conflict.end()))
                    .name("message").value(conflict.message())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void result(Json json, SysResult result) throws IOException {
        if (result == null) {
            json.value((String) null);
            return;
        }
        json.beginObject().name("outcome").value(EventsCsv.outcome(result));
        if (result instanceof SysResult.Ok(long value)) {
            json.name("value").value(Csv.hex(value));
        } else if (result instanceof SysResult.Err err) {
            json.name("errno").value(err.errno().name()).name("detail").value(EventsCsv.detail(err));
        }
        json.endObject();
    }
}
