package org.vmatlas.owners.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/**
 * Regions straight from a reading of {@code /proc/PID/maps} or {@code smaps}, without a session: the command
 * line and the benchmarks classify a process in one read. The rules are the observed session's (a memfd
 * by its name, a file by its inode, states inferred from protection).
 */
public final class ProcessRegions {

    private ProcessRegions() {
    }

    public static Region of(Mapping m) {
        Backing.Kind kind = m.path().startsWith("/memfd:") ? Backing.Kind.MEMFD
                : m.inode() != 0 ? Backing.Kind.FILE : Backing.Kind.ANONYMOUS;
        Backing backing = new Backing(kind, m.path(), m.device(), m.inode(), m.inode() == 0 ? 0 : m.offset());
        RegionState state = kind != Backing.Kind.ANONYMOUS ? RegionState.UNKNOWN
                : m.prot() == Prot.NONE ? RegionState.RESERVED : RegionState.READY;
        return new Region(m.start(), m.end(), m.prot(), m.maxProt(), m.shared(), backing, state, true, null);
    }

    public static List<Region> of(List<Mapping> mappings) {
        List<Region> out = new ArrayList<>(mappings.size());
        for (Mapping m : mappings) {
            out.add(of(m));
        }
        return out;
    }

    public static List<Region> ofSmaps(List<SmapsEntry> entries) {
        List<Region> out = new ArrayList<>(entries.size());
        for (SmapsEntry e : entries) {
            out.add(of(e.mapping()));
        }
        return out;
    }
}
