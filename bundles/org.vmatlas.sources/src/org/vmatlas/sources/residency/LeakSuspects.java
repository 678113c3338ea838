package org.vmatlas.sources.residency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regions worth marking as leak suspects: the strongest growers of a ranking, at most {@link #MAX}, each
 * grown by at least {@link #MIN_GROWTH} over the window. Fewer and larger than the ranking, so a mark on the
 * map means something: a region that gained a page or two is not a suspect.
 */
public final class LeakSuspects {

    /** How many regions are marked at most. */
    public static final int MAX = 3;
    /** The resident growth over the window below which a region is no suspect: 1 MiB. */
    public static final long MIN_GROWTH = 1L << 20;

    private LeakSuspects() {
    }

    /** The suspects among {@code growth} (in any order), strongest first. */
    public static List<Growth> among(List<Growth> growth) {
        List<Growth> suspects = new ArrayList<>();
        for (Growth g : growth) {
            if (g.rssDelta() >= MIN_GROWTH) {
                suspects.add(g);
            }
        }
        suspects.sort(Comparator.comparingLong(Growth::rssDelta).reversed()
                .thenComparing(g -> g.region().start(), Long::compareUnsigned));
        return List.copyOf(suspects.subList(0, Math.min(MAX, suspects.size())));
    }

    /** The words a mark shows: {@code leak suspect: grew 40.0 MiB in 2 s}. */
    public static String describe(Growth suspect) {
        return "leak suspect: " + suspect.describe();
    }
}
