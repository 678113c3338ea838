package org.vmatlas.model;

/**
 * The append-only history of a session. Any point can be shown again: {@link #spaceAfter} rebuilds the
 * address space from the nearest checkpoint and the recorded diffs, fast enough to scrub through a million
 * events. Safe to read while the session appends.
 */
public interface Timeline {

    int size();

    Event event(int index);

    /** The address space after event {@code index}; {@code -1} is before the first event. */
    AddressSpace spaceAfter(int index);

    /** What changed from after event {@code from} to after event {@code to} ({@code from <= to}, -1 allowed). */
    RegionDiff changesBetween(int from, int to);

    /** Where the events are kept: how much in memory, how much written to disk, and any trouble writing. */
    default TimelineStorage storage() {
        return new TimelineStorage(size(), 0, 0, null, null);
    }
}
