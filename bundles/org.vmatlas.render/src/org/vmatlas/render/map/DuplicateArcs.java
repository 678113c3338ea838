package org.vmatlas.render.map;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Region;

/**
 * Which arcs between duplicate mappings a picture draws. A few pairs are all drawn; many (a process full of
 * shared views) would be a tangle over the map, so then only the pairs of the regions the user points at or
 * chose are drawn.
 */
public final class DuplicateArcs {

    /** Above this many groups, arcs are drawn only for the hovered and the selected region. */
    public static final int MANY = 8;

    private DuplicateArcs() {
    }

    /** The groups to draw, given the regions in focus (either may be {@code null}). */
    public static List<List<Region>> shown(List<List<Region>> groups, Region hovered, Region selected) {
        if (groups.size() <= MANY) {
            return groups;
        }
        List<List<Region>> out = new ArrayList<>();
        for (List<Region> group : groups) {
            if (holds(group, hovered) || holds(group, selected)) {
                out.add(group);
            }
        }
        return out;
    }

    private static boolean holds(List<Region> group, Region region) {
        if (region == null) {
            return false;
        }
        for (Region member : group) {
            if (member.start() == region.start() && member.end() == region.end()) {
                return true;
            }
        }
        return false;
    }
}
