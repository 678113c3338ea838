package org.vmatlas.ui.internal.residency;

import java.util.List;

import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.sources.residency.Growth;
import org.vmatlas.sources.residency.LeakSuspects;

/**
 * The leak suspects of one session, as the Residency part last ranked them, for the map to mark. The part puts
 * them in the application's context under {@link #CONTEXT_KEY}, as the selection travels; the map draws them
 * only over the session they belong to. Immutable.
 *
 * @param session  the session whose process was sampled, or {@code null} for none
 * @param suspects strongest first, at most {@link LeakSuspects#MAX}
 */
public record SuspectMarks(Session session, List<Growth> suspects) {

    /** The context variable the suspects travel in. */
    public static final String CONTEXT_KEY = "org.vmatlas.ui.residency.leakSuspects";
    /** No suspects anywhere. */
    public static final SuspectMarks NONE = new SuspectMarks(null, List.of());

    public SuspectMarks {
        suspects = List.copyOf(suspects);
    }

    /** These marks if they belong to {@code shown}, else none. */
    public SuspectMarks of(Session shown) {
        return shown != null && shown == session ? this : NONE;
    }

    public boolean isEmpty() {
        return suspects.isEmpty();
    }

    /** The suspect whose sampled range overlaps {@code region}, or {@code null}. */
    public Growth suspectOf(Region region) {
        for (Growth g : suspects) {
            if (g.region().start() < region.end() && region.start() < g.region().end()) {
                return g;
            }
        }
        return null;
    }

    /** The hover's line for a region: {@code leak suspect: grew 40.0 MiB in 2 s}, or {@code null}. */
    public String hover(Region region) {
        Growth g = suspectOf(region);
        return g == null ? null : LeakSuspects.describe(g);
    }
}
