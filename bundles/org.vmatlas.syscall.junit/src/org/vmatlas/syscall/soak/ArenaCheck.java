package org.vmatlas.syscall.soak;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.internal.ProcMaps;

/**
 * The sandbox's view against the kernel's: in the arena every page is a mapping the sandbox shows, a free
 * reservation ({@code ---p}, anonymous) or lost, never a hole; outside the arena every owned page is mapped.
 * A hole in an owned range is what let the JVM or a hint move into pages the ledger still counted as its own.
 */
final class ArenaCheck {
    private ArenaCheck() {
    }

    /** What disagrees, one line each; empty when the ledger and {@code /proc/self/maps} agree. */
    static List<String> disagreements(Sandbox sandbox) {
        List<Mapping> shown = sandbox.mappings();
        List<AddressRange> reserved = sandbox.reservedRanges();
        List<AddressRange> owned = sandbox.ownedRanges();
        List<Mapping> kernel = JvmTargets.maps();
        List<String> out = new ArrayList<>();
        for (AddressRange r : owned) {
            long at = r.start();
            for (Mapping m : ProcMaps.clip(kernel, new long[] { r.start(), r.end() })) {
                if (m.start() != at) {
                    out.add("owned " + hex(at, m.start()) + " is not mapped");
                }
                at = m.end();
            }
            if (at != r.end()) {
                out.add("owned " + hex(at, r.end()) + " is not mapped");
            }
        }
        for (AddressRange r : reserved) {
            for (Mapping m : ProcMaps.clip(kernel, new long[] { r.start(), r.end() })) {
                if (m.prot() != Prot.NONE || !m.path().isEmpty() || m.shared()) {
                    out.add("reserved " + r + " shows " + m);
                }
            }
        }
        for (Mapping m : shown) {
            if (reserved.stream().anyMatch(r -> r.start() < m.end() && m.start() < r.end())) {
                out.add("shown " + m + " overlaps the free reservation");
            }
            if (owned.stream().noneMatch(r -> r.start() <= m.start() && m.end() <= r.end())) {
                out.add("shown " + m + " is not owned");
            }
        }
        return out;
    }

    private static String hex(long start, long end) {
        return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
    }
}
