package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Mapping;

/**
 * Brings a core to a fresh {@code /proc/PID/maps} reading with the fewest changes: mappings that did not
 * change are left alone, so the event's diff holds only what moved. States are inferred (PROT_NONE anonymous
 * Reserved, accessible anonymous Ready, files Unknown).
 */
final class ObservedMappings {

    private ObservedMappings() {
    }

    static void apply(VmaCore core, List<Mapping> mappings) {
        long previousEnd = 0;
        Attr previous = null;
        for (Mapping m : mappings) {
            if (m.start() < previousEnd) {
                throw new IllegalArgumentException("mappings overlap or are out of order at " + m);
            }
            if (!core.isFree(previousEnd, m.start())) {
                core.unmap(previousEnd, m.start());
            }
            Attr observed = attrOf(m);
            if (previous != null && m.start() == previousEnd
                    && previous.withVmFlags(previous.vmFlags() & ~Attr.APART).equals(observed)) {
                // the kernel shows them as two mappings: keep them two, and count them as two
                observed = observed.withVmFlags(observed.vmFlags() | (~previous.vmFlags() & Attr.APART));
            }
            previous = observed;
            int attr = Attrs.intern(observed);
            if (!core.holds(m.start(), m.end(), attr)) {
                core.map(m.start(), m.end(), attr);
            }
            previousEnd = m.end();
        }
        if (!core.isFree(previousEnd, Long.MAX_VALUE)) {
            core.unmap(previousEnd, Long.MAX_VALUE);
        }
    }

    /**
     * The mappings of the user address space: all but the trailing ones above it ({@code [vsyscall]} at
     * {@code 0xffffffffff600000}), whose start is negative as a signed long. {@code /proc} lists mappings in
     * unsigned order, so those come last.
     */
    static List<Mapping> userSpace(List<Mapping> mappings) {
        int n = mappings.size();
        while (n > 0 && mappings.get(n - 1).start() < 0) {
            n--;
        }
        return n == mappings.size() ? mappings : mappings.subList(0, n);
    }

    /** Regions for mappings above the user space, held beside the core (whose arithmetic is signed). */
    static List<Region> kernelRegions(List<Mapping> above) {
        List<Region> out = new ArrayList<>(above.size());
        long previousEnd = Long.MIN_VALUE;
        for (Mapping m : above) {
            if (m.start() >= 0 || m.end() > 0 || m.start() < previousEnd) {
                throw new IllegalArgumentException("mappings above the user space overlap, are out of order or "
                        + "wrap past the top of the address space at " + m);
            }
            out.add(Snapshot.region(m.start(), m.end(), Attrs.intern(attrOf(m))));
            previousEnd = m.end();
        }
        return List.copyOf(out);
    }

    static Attr attrOf(Mapping m) {
        Backing.Kind kind = m.path().startsWith("/memfd:") ? Backing.Kind.MEMFD
                : m.inode() != 0 ? Backing.Kind.FILE : Backing.Kind.ANONYMOUS;
        boolean anonymous = kind == Backing.Kind.ANONYMOUS;
        Attr base = new Attr(m.prot(), m.maxProt(), m.shared(), kind, m.path(), m.device(), m.inode(),
                m.inode() == 0 ? 0 : m.offset() - m.start(), 0, org.vmatlas.model.RegionState.UNKNOWN, true, null);
        return base.withState(anonymous ? Attrs.inferState(base, m.prot()) : org.vmatlas.model.RegionState.UNKNOWN,
                true);
    }
}
