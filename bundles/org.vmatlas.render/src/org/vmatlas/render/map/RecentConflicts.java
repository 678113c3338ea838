package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Conflict;
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
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = Math.max(0, index - WINDOW + 1); i <= index && i < timeline.size(); i++) {
            conflicts.addAll(timeline.event(i).conflicts());
        }
        return conflicts;
    }
}
