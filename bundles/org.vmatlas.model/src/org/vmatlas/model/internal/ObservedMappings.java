package org.vmatlas.model.internal;

import java.util.List;

import org.vmatlas.model.Backing;
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
