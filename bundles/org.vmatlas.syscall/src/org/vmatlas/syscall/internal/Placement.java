package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * Where a sandboxed {@code mmap} may land. {@code MAP_FIXED} must replace owned pages only. A hint (or
 * {@code MAP_FIXED_NOREPLACE}) that names free arena pages gets them: their placeholder is handed back for
 * the call, so the kernel can honour the hint, and whatever the call did not take is reserved again. Any
 * other call goes where the kernel puts it (never into the arena, which is reserved or in use), and the
 * ledger owns it from then on. Runs under the sandbox's lock.
 */
final class Placement {
    private static final long[] NONE = new long[0];

    private final RawCalls raw;
    private final Ledger ledger;
    private final Reservations reservations;
    private final CallChecks checks;
    private final long page;

    Placement(RawCalls raw, Ledger ledger, Reservations reservations, CallChecks checks, long page) {
        this.raw = raw;
        this.ledger = ledger;
        this.reservations = reservations;
        this.checks = checks;
        this.page = page;
    }

    SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        if ((flags & MapFlags.ANONYMOUS) == 0 && !ledger.hasFd(fd)) {
            return CallChecks.notMine("mmap", fd);
        }
        long end = length > 0 ? checks.end(address, length) : 0;
        long start = address & -page;
        if ((flags & MapFlags.FIXED) != 0 && length > 0 && checks.aligned(address)) {
            if (end < 0) {
                return CallChecks.wraps("mmap", address, length);
            }
            String why = ledger.unowned("mmap MAP_FIXED", start, end);
            if (why != null) {
                return SysResult.refused(why);
            }
            return acquire(raw.mmap(address, length, prot, flags, fd, offset), length, NONE);
        }
        long[] handed = NONE;
        if (address != 0 && length > 0 && end > 0 && checks.aligned(address)) {
            if ((flags & MapFlags.FIXED_NOREPLACE) != 0) {
                handed = ledger.touchesMapped(start, end) ? NONE : ledger.freeWithin(start, end);
            } else if (ledger.allFree(start, end)) {
                handed = new long[] { start, end };
            }
            handed = reservations.handBack(handed);
        }
        return acquire(raw.mmap(address, length, prot, flags, fd, offset), length, handed);
    }

    /** Accounts a successful placement and reserves again what was handed back and not used. */
    private SysResult acquire(SysResult result, long length, long[] handed) {
        long start = 0;
        long end = 0;
        if (result instanceof SysResult.Ok(long value)) {
            start = value;
            end = (value + length + page - 1) & -page;
            ledger.acquired(start, end);
        }
        reservations.reserveAgain(handed, start, end);
        return result;
    }
}
