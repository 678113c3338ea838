package org.vmatlas.model;

import java.util.List;

/**
 * What a call would do, computed on a copy of the session without touching the kernel or the timeline.
 *
 * @param result        the answer the session's rules predict
 * @param evicted       regions (clipped) whose pages the call would unmap or replace
 * @param evictedPages  pages of those regions that were accessible (their contents would be lost)
 * @param regionsSplit  regions the call would cut in two or three
 * @param mapCountAfter mappings the kernel would hold afterwards (neighbours merged as the kernel does)
 */
public record Preview(org.vmatlas.syscall.SysResult result, List<Region> evicted, long evictedPages, int regionsSplit,
        int mapCountAfter, List<Conflict> conflicts, String summary) {

    public Preview {
        evicted = List.copyOf(evicted);
        conflicts = List.copyOf(conflicts);
    }
}
