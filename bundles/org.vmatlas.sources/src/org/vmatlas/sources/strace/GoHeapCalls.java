package org.vmatlas.sources.strace;

import java.util.List;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/**
 * Reads the Go runtime's heap transitions back out of its raw calls ({@code runtime/mem_linux.go}): the arena is
 * reserved {@code PROT_NONE} at one of Go's hints ({@code 0x00c000000000}, {@code 0x01c000000000}, ...);
 * {@code sysMap} is a fixed read-write anonymous {@code mmap} over Reserved pages (Reserved → Prepared), and the
 * runtime puts what it maps to use at once ({@code sysUsed}, no kernel call: Prepared → Ready); {@code sysUnused}
 * is {@code madvise(MADV_DONTNEED)} over Ready pages (Ready → Prepared). Only ranges at Go's hints are read this
 * way, so that a JVM committing its own heap reservation keeps its plain calls.
 */
final class GoHeapCalls {

    /** The low 40 bits of every Go arena hint on 64-bit Linux are {@code 0xc000000000}. */
    private static final long HINT_BITS = (1L << 40) - 1;
    private static final long HINT_LOW = 0xc000000000L;
    /** How far above a hint the heap is looked for: 4 GiB of arenas. */
    private static final long WINDOW = 1L << 32;
    /** Go's arenas are 64 MiB ({@code heapArenaBytes}), each reserved at a multiple of it. */
    private static final long ARENA = 64L << 20;

    private GoHeapCalls() {
    }

    /** The transitions a raw call stands for, in order, or an empty list when it is no Go heap call. */
    static List<Call> transitions(TracedCall c, AddressSpace space) {
        if (c.failed() || c.length() <= 0 || !atGoHint(c.address())) {
            return List.of();
        }
        int anonymousFixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        if ((c.syscall() == Syscall.MMAP || c.syscall() == Syscall.MMAP2) && (c.flags() & anonymousFixed) == anonymousFixed
                && c.prot() == Prot.RW && all(space, c.address(), c.length(), RegionState.RESERVED, Prot.NONE)
                && arenaStartsAnonymous(space, c.address())) {
            return List.of(new Call.SysMap(c.address(), c.length()), new Call.SysUsed(c.address(), c.length()));
        }
        if (c.syscall() == Syscall.MADVISE && c.advice() == Advice.DONTNEED
                && all(space, c.address(), c.length(), RegionState.READY, Prot.RW)) {
            return List.of(new Call.SysUnused(c.address(), c.length()));
        }
        return List.of();
    }

    /** Whether the 64 MiB arena around {@code address} begins with anonymous private pages, as Go's arenas do. */
    private static boolean arenaStartsAnonymous(AddressSpace space, long address) {
        Region base = space.regionAt(address & -ARENA);
        return base != null && !base.shared() && base.backing().kind() == org.vmatlas.model.Backing.Kind.ANONYMOUS;
    }

    static boolean atGoHint(long address) {
        long low = address & HINT_BITS;
        return low >= HINT_LOW && low < HINT_LOW + WINDOW;
    }

    /** Whether every page of the range is mapped anonymous and private, in {@code state}, with {@code prot}. */
    private static boolean all(AddressSpace space, long address, long length, RegionState state, int prot) {
        long end = address + ((length + 4095) & -4096L);
        long at = address;
        while (at < end) {
            Region r = space.regionAt(at);
            if (r == null || r.state() != state || r.prot() != prot || r.shared()
                    || r.backing().kind() != org.vmatlas.model.Backing.Kind.ANONYMOUS) {
                return false;
            }
            at = r.end();
        }
        return true;
    }
}
