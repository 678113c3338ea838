package org.vmatlas.sources.residency;

import org.vmatlas.sources.proc.MemoryCounters;

/**
 * The four residency figures a history keeps for one moment, in bytes: resident, proportional share,
 * dirty (private and shared) and swapped out.
 */
public record Figures(long timeNanos, long rss, long pss, long dirty, long swap) {

    public Figures {
        if (rss < 0 || pss < 0 || dirty < 0 || swap < 0) {
            throw new IllegalArgumentException("residency figures cannot be negative: rss " + rss + ", pss " + pss
                    + ", dirty " + dirty + ", swap " + swap);
        }
    }

    static Figures of(long timeNanos, MemoryCounters counters) {
        return new Figures(timeNanos, counters.rss(), counters.pss(), counters.dirty(), counters.swap());
    }

    /** Whether the figures are those of {@code other}, whatever the time. */
    boolean sameAs(Figures other) {
        return other != null && rss == other.rss && pss == other.pss && dirty == other.dirty && swap == other.swap;
    }
}
