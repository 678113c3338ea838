package org.vmatlas.model;

import java.util.List;

/** Regions that went away and regions that appeared between two points of a timeline (or in one event). */
public record RegionDiff(List<Region> removed, List<Region> added) {

    public RegionDiff {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    public boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }
}
