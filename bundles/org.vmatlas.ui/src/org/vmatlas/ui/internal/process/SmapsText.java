package org.vmatlas.ui.internal.process;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.Region;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/**
 * Reads {@code smaps} for a selected region and {@code smaps_rollup} for the whole process, and says the
 * figures in one line each. Runs on a worker thread (a fresh reader each time: readers are not shared).
 */
final class SmapsText {

    private SmapsText() {
    }

    /** The summed figures of the smaps regions overlapping {@code region}, or why they could not be read. */
    static String ofRegion(long pid, Region region) {
        Mapping range = new Mapping(region.start(), region.end(), region.prot(), Prot.RWX, region.shared(), 0, 0, 0, "");
        ProcResult<List<SmapsEntry>> read = new ProcReader().smaps(pid, List.of(range));
        if (!read.isRead()) {
            return read.failure().message();
        }
        String start = Long.toHexString(region.start());
        String end = Long.toHexString(region.end());
        if (read.value().isEmpty()) {
            return NLS.bind(Messages.processes_smapsNothing, new Object[] { pid, start, end });
        }
        MemoryCounters sum = MemoryCounters.ZERO;
        for (SmapsEntry entry : read.value()) {
            sum = sum.plus(entry.counters());
        }
        return NLS.bind(Messages.processes_smapsResult, new Object[] { start, end, read.value().size(),
            RegionText.size(sum.rss()), RegionText.size(sum.pss()), RegionText.size(sum.dirty()),
            RegionText.size(sum.swap()) });
    }

    /** The process's totals from {@code smaps_rollup}, or why they could not be read. */
    static String rollup(long pid) {
        ProcResult<MemoryCounters> read = new ProcReader().smapsRollup(pid);
        if (!read.isRead()) {
            return read.failure().message();
        }
        MemoryCounters c = read.value();
        return NLS.bind(Messages.processes_rollupResult, new Object[] { pid, RegionText.size(c.rss()),
            RegionText.size(c.pss()), RegionText.size(c.dirty()), RegionText.size(c.swap()) });
    }
}
