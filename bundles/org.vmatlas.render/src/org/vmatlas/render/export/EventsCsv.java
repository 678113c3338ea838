package org.vmatlas.render.export;

import java.io.IOException;
import java.io.Writer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVPrinter;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.SysResult;

/**
 * A timeline's events as CSV, one event a line after a header. Columns:
 * <ol>
 * <li>{@code sequence}: index in the timeline; {@code time_nanos}: when (nanoTime for live sessions, the log's
 * time for replays); {@code source}: who produced it</li>
 * <li>{@code call}: the call in C syntax, empty for a {@code /proc} snapshot diff</li>
 * <li>{@code outcome}: {@code ok}, {@code error}, {@code refused} (by the sandbox, the kernel was not called)
 * or empty for a snapshot; {@code value}: the returned value in hexadecimal when ok; {@code errno}: the error's
 * name; {@code detail}: the error's words</li>
 * <li>{@code removed}, {@code added}: how many regions the event removed and added</li>
 * <li>{@code conflicts}: conflict kinds separated by {@code ;}; {@code conflict_messages}: their messages,
 * separated by {@code ;}</li>
 * </ol>
 */
public final class EventsCsv {

    public static final String[] COLUMNS = { "sequence", "time_nanos", "source", "call", "outcome", "value", "errno",
        "detail", "removed", "added", "conflicts", "conflict_messages" };

    private EventsCsv() {
    }

    /** Writes the events the timeline holds when the call starts; later appends are left out. */
    public static void write(Timeline timeline, Writer out) throws IOException {
        CSVPrinter csv = Formats.csv(out, COLUMNS);
        int count = timeline.size();
        for (int i = 0; i < count; i++) {
            Event event = timeline.event(i);
            SysResult result = event.result();
            csv.printRecord(event.sequence(), event.timeNanos(), event.source(),
                    event.call() == null ? "" : event.call().describe(), outcome(result),
                    result instanceof SysResult.Ok(long value) ? Hex.of(value) : "",
                    result instanceof SysResult.Err err ? err.errno().name() : "",
                    result instanceof SysResult.Err err ? detail(err) : "",
                    event.removed().size(), event.added().size(),
                    event.conflicts().stream().map(c -> c.kind().name()).collect(Collectors.joining(";")),
                    event.conflicts().stream().map(Conflict::message).collect(Collectors.joining(";")));
        }
        csv.flush();
    }

    static String outcome(SysResult result) {
        return switch (result) {
            case null -> "";
            case SysResult.Ok ok -> "ok";
            case SysResult.Err err -> err.refused() ? "refused" : "error";
        };
    }

    static String detail(SysResult.Err err) {
        return err.detail() != null ? err.detail() : err.errno().message();
    }
}
