package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * One checked {@code mremap}. Its arguments are judged first, as {@code mm/mremap.c} judges them
 * ({@link RemapShape}); then the source must be owned and mapped and an {@code MREMAP_FIXED} destination
 * owned, whatever else is wrong, because Linux unmaps that destination before it looks at the source.
 * A duplicate ({@code old_size == 0}) counts {@code [old, old + new_size)} as its source. A call that could
 * place pages outside the arena beyond the quota is answered {@code ENOMEM}. Growth in place into free
 * arena pages hands them back first. Afterwards the ledger gains the new range and gives up what the
 * kernel vacated (the old range after a move without {@code MREMAP_DONTUNMAP}, the tail after a shrink);
 * vacated arena pages become reservation again. A failed {@code MREMAP_FIXED} call is followed by a
 * {@link Resync} of the source and destination. Runs under the sandbox's lock.
 */
final class Remap {
    private static final long[] NONE = new long[0];

    private final RawCalls raw;
    private final Ledger ledger;
    private final Reservations reservations;
    private final CallChecks checks;
    private final Resync resync;
    private final long quota;

    Remap(RawCalls raw, Ledger ledger, Reservations reservations, CallChecks checks, long quota) {
        this.raw = raw;
        this.ledger = ledger;
        this.reservations = reservations;
        this.checks = checks;
        this.resync = new Resync(raw, ledger, reservations);
        this.quota = quota;
    }

    SysResult run(long old, long oldSize, long newSize, int flags, long newAddress) {
        return run(old, oldSize, newSize, flags, newAddress, false);
    }

    /** With {@code dry}, stops where the kernel would be called and answers {@code null}: nothing changes. */
    SysResult run(long old, long oldSize, long newSize, int flags, long newAddress, boolean dry) {
        RemapShape shape = new RemapShape(checks, old, oldSize, newSize, flags, newAddress);
        SysResult no = shape.linuxAnswer();
        if (no != null) {
            return no;
        }
        long oldLen = shape.oldLen;
        long newLen = shape.newLen;
        long srcEnd = old + shape.sourceLen();
        String why = ledger.unowned("mremap source", old, srcEnd);
        if (why == null && shape.fixed) {
            why = ledger.unowned("mremap MREMAP_FIXED destination", newAddress, newAddress + newLen);
        }
        if (why != null) {
            return SysResult.refused(why);
        }
        long mappedEnd = old + (oldLen == 0 ? checks.align(1) : oldLen); // a duplicate needs one VMA at old
        if (ledger.touchesFree(old, mappedEnd)) {
            return SysResult.error(Errno.EFAULT, "mremap: source " + Ledger.hex(old, mappedEnd)
                    + " is not mapped (free sandbox arena, held in reserve)" + CallChecks.AS_LINUX);
        }
        long[] handed = NONE;
        long growStart = old + oldLen;
        long growEnd = old + newLen;
        boolean grows = !shape.fixed && oldLen > 0 && newLen > oldLen;
        if (grows && checks.fits(old, newLen) && ledger.allFree(growStart, growEnd)) {
            handed = new long[] { growStart, growEnd };
        }
        long outside = shape.fixed || handed.length > 0 ? 0 : shape.mayMove ? newLen : Math.max(0, newLen - oldLen);
        if (outside > 0 && ledger.outsideBytes() + outside > quota) {
            return CallChecks.overQuota("mremap", outside, ledger.outsideBytes(), quota);
        }
        if (dry) {
            return null;
        }
        handed = reservations.handBack(handed);
        SysResult result = raw.mremap(old, oldSize, newSize, flags, newAddress);
        if (!(result instanceof SysResult.Ok(long at))) {
            reservations.reserveAgain(handed, 0, 0);
            // only a fixed destination is unmapped before Linux can still fail; other failures change nothing
            return shape.fixed ? resync.after(result, old, srcEnd, newAddress, newAddress + newLen) : result;
        }
        long newEnd = at + newLen;
        ledger.acquired(at, newEnd);
        reservations.reserveAgain(handed, at, newEnd);
        if (oldLen > 0) {
            long oldEnd = old + oldLen;
            boolean moved = at != old;
            if (moved && (flags & RemapFlags.DONTUNMAP) == 0) {
                vacate(old, oldEnd);
            } else if (!moved && newEnd < oldEnd) {
                vacate(newEnd, oldEnd);
            }
        }
        return result;
    }

    private void vacate(long start, long end) {
        reservations.reserveAgain(ledger.released(start, end), 0, 0);
    }
}
