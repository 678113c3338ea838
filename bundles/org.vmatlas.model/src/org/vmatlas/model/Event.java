package org.vmatlas.model;

import java.util.List;

import org.vmatlas.syscall.SysResult;

/**
 * One entry of a timeline: what was asked, what the kernel answered, what it changed and what it raised.
 *
 * @param sequence  index in the timeline, from 0
 * @param timeNanos when it happened ({@link System#nanoTime()} for live sessions, the log's time for replays)
 * @param source    who produced it ("operations panel", "strace:app.log", "/proc/4242/maps")
 * @param call      the call, or {@code null} for a {@code /proc} snapshot diff
 * @param result    the answer, or {@code null} for a snapshot diff
 */
public record Event(long sequence, long timeNanos, String source, Call call, SysResult result, List<Region> removed,
        List<Region> added, List<Conflict> conflicts) {

    public Event {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        conflicts = List.copyOf(conflicts);
    }

    public boolean failed() {
        return result != null && !result.isOk();
    }

    /** One line for the event log. */
    public String describe() {
        String what = call != null ? call.describe() : "snapshot";
        return what + (result != null ? " = " + result.describe() : "") + (conflicts.isEmpty() ? ""
                : "  [" + conflicts.get(0).message() + (conflicts.size() > 1 ? " +" + (conflicts.size() - 1) : "") + "]");
    }
}
