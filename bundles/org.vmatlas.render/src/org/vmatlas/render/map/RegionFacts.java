package org.vmatlas.render.map;

import org.vmatlas.model.Region;

/**
 * What is known of a region beyond its mapping, for the map's colour modes: what kind of memory it is, and
 * how much of it is resident, dirty or swapped out. Any of them may be unknown (a simulated kernel has no
 * pages; a process's smaps may not be readable); the map then draws "unknown" for it.
 */
public interface RegionFacts {

    /** A kind of region: a stable key (colours follow it) and the words the legend and the hover show. */
    record Type(String key, String label) {
        public Type {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a region type needs a key, got '" + key + "'");
            }
            label = label == null || label.isEmpty() ? key : label;
        }
    }

    /** Knows nothing: every fact unknown. */
    RegionFacts NONE = new RegionFacts() {
    };

    /** The region's kind, or {@code null} when unknown. */
    default Type type(Region region) {
        return null;
    }

    /** Who owns the region in words for the map ("Java heap", "stack of thread 4711"), or {@code null}. */
    default String owner(Region region) {
        return null;
    }

    /** The fraction (0 to 1) of the region's pages in memory, or {@code NaN} when unknown. */
    default double resident(Region region) {
        return Double.NaN;
    }

    /** The fraction (0 to 1) of the region's pages written since they were read or mapped, or {@code NaN}. */
    default double dirty(Region region) {
        return Double.NaN;
    }

    /** The fraction (0 to 1) of the region's pages swapped out, or {@code NaN}. */
    default double swapped(Region region) {
        return Double.NaN;
    }
}
