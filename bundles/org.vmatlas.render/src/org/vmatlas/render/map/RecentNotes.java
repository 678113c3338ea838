package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.Timeline;

/**
 * The patterns the map's hover names at a moment: the notes of the last few events up to it (as many as lend
 * their conflicts to the marks, {@link RecentConflicts#WINDOW}), each told for the regions its event made. So
 * a fixed mapping that only looks like a conflict ("ld.so: zero-fill of libc.so.6's .bss") says what it is
 * where it happened, in at most {@link #MAX_LINES} short lines.
 */
public final class RecentNotes {

    /** How many lines of notes a hover shows at most. */
    public static final int MAX_LINES = 2;
    /** How many characters a line keeps; a longer note is cut with an ellipsis. */
    public static final int MAX_CHARS = 80;
    /** No notes at all. */
    public static final RecentNotes NONE = new RecentNotes(List.of());

    /** One event's notes and the ranges of the regions it added, most recent event first. */
    private record Noted(long[] starts, long[] ends, List<String> notes) {
        boolean overlaps(Region region) {
            for (int i = 0; i < starts.length; i++) {
                if (starts[i] < region.end() && region.start() < ends[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Noted> noted;

    private RecentNotes(List<Noted> noted) {
        this.noted = noted;
    }

    /** The notes of the events up to {@code index}, as far back as the conflicts' window. */
    public static RecentNotes upTo(Timeline timeline, int index) {
        return of(RecentConflicts.window(timeline, index));
    }

    /** The notes of {@code recent} (oldest first, as {@link RecentConflicts#window} reads them). */
    public static RecentNotes of(List<Event> recent) {
        List<Noted> noted = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            Event event = recent.get(i);
            List<Region> added = event.notes().isEmpty() ? List.of() : made(event);
            if (!added.isEmpty()) {
                long[] starts = new long[added.size()];
                long[] ends = new long[added.size()];
                for (int r = 0; r < added.size(); r++) {
                    starts[r] = added.get(r).start();
                    ends[r] = added.get(r).end();
                }
                noted.add(new Noted(starts, ends, event.notes()));
            }
        }
        return noted.isEmpty() ? NONE : new RecentNotes(List.copyOf(noted));
    }

    /**
     * The regions an event made, without the pieces that only remain of a region it cut (the rest of a stack
     * whose bottom became its guard): those keep every attribute of the region they were cut from.
     */
    private static List<Region> made(Event event) {
        List<Region> made = new ArrayList<>();
        for (Region region : event.added()) {
            boolean remainder = false;
            for (Region gone : event.removed()) {
                remainder |= gone.start() <= region.start() && region.end() <= gone.end() && sameKind(gone, region);
            }
            if (!remainder) {
                made.add(region);
            }
        }
        return made;
    }

    private static boolean sameKind(Region a, Region b) {
        return a.prot() == b.prot() && a.maxProt() == b.maxProt() && a.shared() == b.shared() && a.state() == b.state()
                && a.backing().kind() == b.backing().kind() && a.backing().name().equals(b.backing().name())
                && a.backing().inode() == b.backing().inode() && Objects.equals(a.label(), b.label());
    }

    public boolean isEmpty() {
        return noted.isEmpty();
    }

    /**
     * The lines that name what recently happened to {@code region}, the latest first, each note once: at most
     * {@link #MAX_LINES}, the last one counting the notes left out ({@code (+2 more)}).
     */
    public List<String> about(Region region) {
        Set<String> notes = new LinkedHashSet<>();
        for (Noted event : noted) {
            if (event.overlaps(region)) {
                notes.addAll(event.notes());
            }
        }
        List<String> all = List.copyOf(notes);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_LINES, all.size()); i++) {
            boolean lastShown = i == MAX_LINES - 1 && all.size() > MAX_LINES;
            String more = lastShown ? " (+" + (all.size() - MAX_LINES) + " more)" : "";
            lines.add(fitted(all.get(i), MAX_CHARS - more.length()) + more);
        }
        return lines;
    }

    static String fitted(String note, int chars) {
        String line = note.strip().replace('\n', ' ');
        return line.length() <= chars ? line : line.substring(0, Math.max(0, chars - 1)).stripTrailing() + "\u2026";
    }
}
