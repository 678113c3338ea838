package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * Where a sandboxed {@code mmap} may land, once {@link CallChecks#mmap} found its arguments sound.
 * {@code MAP_FIXED} must replace owned pages only; if it fails, the target is read again from the kernel
 * ({@link Resync}), since Linux may have unmapped it first. A hint (or
 * {@code MAP_FIXED_NOREPLACE}) that names free arena pages gets them: their placeholder is handed back for
 * the call, so the kernel can honour the hint, and whatever the call did not take is reserved again. Any
 * other call goes where the kernel puts it (never into the arena, which is reserved or in use), and the
 * ledger owns it from then on; such a call is answered {@code ENOMEM} without a kernel call if its pages
 * could take the bytes owned outside the arena over the quota. Runs under the sandbox's lock.
 */
final class Placement {
    private static final long[] NONE = new long[0];

    private final RawCalls raw;
    private final Ledger ledger;
    private final Reservations reservations;
    private final CallChecks checks;
    private final Resync resync;
    private final long page;
    private final long quota;

    Placement(RawCalls raw, Ledger ledger, Reservations reservations, CallChecks checks, long page, long quota) {
        this.raw = raw;
        this.ledger = ledger;
        this.reservations = reservations;
        this.checks = checks;
        this.resync = new Resync(raw, ledger, reservations);
        this.page = page;
        this.quota = quota;
    }

    SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        return mmap(address, length, prot, flags, fd, offset, false);
    }

    /** With {@code dry}, stops where the kernel would be called and answers {@code null}: nothing changes. */
    SysResult mmap(long address, long length, int prot, int flags, int fd, long offset, boolean dry) {
        if ((flags & MapFlags.ANONYMOUS) == 0 && !ledger.hasFd(fd)) {
            return CallChecks.notMine("mmap", fd);
        }
        boolean fixed = (flags & MapFlags.FIXED) != 0;
        SysResult no = checks.mmap(address, length, offset, fixed || (flags & MapFlags.FIXED_NOREPLACE) != 0);
        if (no != null) {
            return no;
        }
        long rounded = checks.align(length);
        if (fixed) {
            long end = address + rounded;
            String why = ledger.unowned("mmap MAP_FIXED", address, end);
            if (why != null) {
                return SysResult.refused(why);
            }
            if (dry) {
                return null;
            }
            SysResult result = raw.mmap(address, length, prot, flags, fd, offset);
            // Linux unmaps a fixed target before some of its failures: look again
            return result.isOk() ? acquire(result, rounded, NONE) : resync.after(result, address, end);
        }
        long[] handed = NONE;
        long start = address & -page;
        if (address != 0 && checks.aligned(address) && checks.fits(address, rounded)) {
            long end = start + rounded;
            if ((flags & MapFlags.FIXED_NOREPLACE) != 0) {
                handed = ledger.touchesMapped(start, end) ? NONE : ledger.freeWithin(start, end);
            } else if (ledger.allFree(start, end)) {
                handed = new long[] { start, end };
            }
        }
        boolean inArena = handed.length == 2 && handed[1] - handed[0] == rounded;
        if (!inArena && ledger.outsideBytes() + rounded > quota) {
            return CallChecks.overQuota("mmap", rounded, ledger.outsideBytes(), quota);
        }
        if (dry) {
            return null;
        }
        handed = reservations.handBack(handed);
        return acquire(raw.mmap(address, length, prot, flags, fd, offset), rounded, handed);
    }

    /** Accounts a successful placement and reserves again what was handed back and not used. */
    private SysResult acquire(SysResult result, long rounded, long[] handed) {
        long start = 0;
        long end = 0;
        if (result instanceof SysResult.Ok(long value)) {
            start = value;
            end = value + rounded;
            ledger.acquired(start, end);
        }
        reservations.reserveAgain(handed, start, end);
        return result;
    }
}
