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

    /**
     * What a snapshot diff changed, in the words of a process monitor: {@code +3 regions, -1, 2 changed}
     * (a region counts as changed when a new one covers pages of one that went, as after an mprotect or a
     * growth; the rest are new or gone). For a call, the same count of its region changes.
     */
    public String changeSummary() {
        int changed = 0;
        for (Region region : added) {
            if (overlapsAny(region, removed)) {
                changed++;
            }
        }
        int gone = 0;
        for (Region region : removed) {
            if (!overlapsAny(region, added)) {
                gone++;
            }
        }
        int fresh = added.size() - changed;
        if (fresh == 0 && gone == 0 && changed == 0) {
            return "no change";
        }
        return "+" + fresh + " region" + (fresh == 1 ? "" : "s") + ", \u2212" + gone + ", " + changed + " changed";
    }

    private static boolean overlapsAny(Region region, List<Region> others) {
        for (Region other : others) {
            if (other.start() < region.end() && region.start() < other.end()) {
                return true;
            }
        }
        return false;
    }

    /** One line for the event log. */
    public String describe() {
        String what = call != null ? call.describe() : source + ": " + changeSummary();
        return what + (result != null ? " = " + result.describe() : "") + (conflicts.isEmpty() ? ""
                : "  [" + conflicts.get(0).message() + (conflicts.size() > 1 ? " +" + (conflicts.size() - 1) : "") + "]");
    }
}
