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
 * @param notes     what the call was recognised as, when it only looks like a conflict
 *                  ({@code "ld.so: zero-fill of libc.so.6's .bss"}): named, not alarming
 */
public record Event(long sequence, long timeNanos, String source, Call call, SysResult result, List<Region> removed,
        List<Region> added, List<Conflict> conflicts, List<String> notes) {

    public Event {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        conflicts = List.copyOf(conflicts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** An event without notes. */
    public Event(long sequence, long timeNanos, String source, Call call, SysResult result, List<Region> removed,
            List<Region> added, List<Conflict> conflicts) {
        this(sequence, timeNanos, source, call, result, removed, added, conflicts, List.of());
    }

    public boolean failed() {
        return result != null && !result.isOk();
    }

    /**
     * What a snapshot diff changed, in the words of a process monitor: {@code +3 regions, -1, 2 changed}
     * (a region counts as changed when a new one covers pages of one that went, as after an mprotect or a
     * growth; the rest are new or gone). For a call, the same count of its region changes.
     */
    public String changeSummary() {
        long[] addedStarts = starts(added);
        long[] addedEnds = ends(added);
        long[] removedStarts = starts(removed);
        long[] removedEnds = ends(removed);
        int changed = countOverlapping(addedStarts, addedEnds, removedStarts, removedEnds);
        int gone = removed.size() - countOverlapping(removedStarts, removedEnds, addedStarts, addedEnds);
        int fresh = added.size() - changed;
        if (fresh == 0 && gone == 0 && changed == 0) {
            return "no change";
        }
        return "+" + fresh + " region" + (fresh == 1 ? "" : "s") + ", \u2212" + gone + ", " + changed + " changed";
    }

    private static long[] starts(List<Region> regions) {
        return regions.stream().mapToLong(Region::start).sorted().toArray();
    }

    private static long[] ends(List<Region> regions) {
        return regions.stream().mapToLong(Region::end).sorted().toArray();
    }

    /**
     * How many of the ranges {@code [starts[i], ends[i])} overlap some range of the others, in one sweep:
     * the ranges of each side never overlap one another, so sorted starts and sorted ends pair up.
     */
    private static int countOverlapping(long[] starts, long[] ends, long[] otherStarts, long[] otherEnds) {
        int count = 0;
        int j = 0;
        for (int i = 0; i < starts.length; i++) {
            while (j < otherStarts.length && otherEnds[j] <= starts[i]) {
                j++;
            }
            if (j < otherStarts.length && otherStarts[j] < ends[i]) {
                count++;
            }
        }
        return count;
    }

    /** One line for the event log. */
    public String describe() {
        String what = call != null ? call.describe() : source + ": " + changeSummary();
        return what + (result != null ? " = " + result.describe() : "") + (conflicts.isEmpty() ? ""
                : "  [" + conflicts.get(0).message() + (conflicts.size() > 1 ? " +" + (conflicts.size() - 1) : "") + "]")
                + (notes.isEmpty() ? "" : "  (" + String.join("; ", notes) + ")");
    }
}
