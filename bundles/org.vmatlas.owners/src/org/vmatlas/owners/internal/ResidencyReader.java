package org.vmatlas.owners.internal;

import java.util.List;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Residency;
import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.SysResult;

/**
 * Measures residency per region: from {@code /proc/PID/smaps} for a process (every figure), from
 * {@code mincore} for the sandbox (resident bytes only). Regions and smaps entries are both in address order
 * (unsigned), so one sweep pairs them; a region that spans several kernel mappings gets their sum.
 */
final class ResidencyReader {

    private ResidencyReader() {
    }

    /** Residency per region from smaps, or {@code null} when smaps may not be read. */
    static Residency[] fromSmaps(ProcReader reader, long pid, long[] starts, long[] ends) {
        ProcResult<List<SmapsEntry>> read = reader.smaps(pid);
        if (!read.isRead()) {
            return null;
        }
        List<SmapsEntry> entries = read.value();
        Residency[] out = new Residency[starts.length];
        int e = 0;
        for (int i = 0; i < starts.length; i++) {
            while (e < entries.size() && Long.compareUnsigned(entries.get(e).mapping().start(), starts[i]) < 0) {
                e++;
            }
            MemoryCounters sum = null;
            while (e < entries.size() && Long.compareUnsigned(entries.get(e).mapping().start(), ends[i]) < 0) {
                MemoryCounters c = entries.get(e).counters();
                sum = sum == null ? c : sum.plus(c);
                e++;
            }
            out[i] = sum == null ? null
                    : new Residency(sum.rss(), sum.pss(), sum.privateDirty(), sum.sharedDirty(), sum.swap());
        }
        return out;
    }

    /** Resident bytes per region from {@code mincore}, for regions the sandbox's kernel may ask about. */
    static Residency[] fromMincore(Kernel kernel, List<Region> regions) {
        Residency[] out = new Residency[regions.size()];
        long page = kernel.pageSize();
        for (int i = 0; i < out.length; i++) {
            Region r = regions.get(i);
            long pages = r.length() / page;
            if (pages <= 0 || pages > Integer.MAX_VALUE) {
                continue;
            }
            boolean[] resident = new boolean[(int) pages];
            if (kernel.mincore(r.start(), r.length(), resident) instanceof SysResult.Ok(long count)) {
                out[i] = Residency.residentOnly(count * page);
            }
        }
        return out;
    }
}
