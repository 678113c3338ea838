package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;

/**
 * The conflicts the map marks at a moment: those of the last few events up to it, so a mark stays
 * long enough to be seen and old ones do not pile up over a long session.
 */
public final class RecentConflicts {

    /** How many events up to the moment lend their conflicts to the marks. */
    public static final int WINDOW = 64;

    private RecentConflicts() {
    }

    public static List<Conflict> upTo(Timeline timeline, int index) {
        return of(window(timeline, index));
    }

    /**
     * The events that lend their marks at event {@code index}: the last {@link #WINDOW} up to it, oldest first.
     * Read once per refresh and shared with {@link RecentNotes#of}: each costs its diff to build.
     */
    public static List<Event> window(Timeline timeline, int index) {
        List<Event> events = new ArrayList<>(WINDOW);
        for (int i = Math.max(0, index - WINDOW + 1); i <= index && i < timeline.size(); i++) {
            events.add(timeline.event(i));
        }
        return events;
    }

    /** The conflicts of {@code recent}, in their order. */
    public static List<Conflict> of(List<Event> recent) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Event event : recent) {
            conflicts.addAll(event.conflicts());
        }
        return conflicts;
    }
}
