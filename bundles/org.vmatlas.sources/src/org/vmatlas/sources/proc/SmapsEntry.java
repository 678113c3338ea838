package org.vmatlas.sources.proc;

import org.vmatlas.syscall.Mapping;

/**
 * One region of {@code /proc/PID/smaps}: the mapping line and its memory figures.
 *
 * @param mapping     the region, as {@code maps} reports it
 * @param counters    its memory figures
 * @param thpEligible whether the kernel would back it with transparent huge pages
 */
public record SmapsEntry(Mapping mapping, MemoryCounters counters, boolean thpEligible) {

    public SmapsEntry {
        if (mapping == null || counters == null) {
            throw new IllegalArgumentException("an smaps entry needs a mapping and counters");
        }
    }
}
