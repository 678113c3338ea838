package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * One checked {@code mremap}: the source must be owned and mapped, an {@code MREMAP_FIXED} destination
 * owned; growth in place into free arena pages hands them back first. Afterwards the ledger gains the
 * new range and gives up what the kernel vacated (the old range after a move without
 * {@code MREMAP_DONTUNMAP}, the tail after a shrink); vacated arena pages become reservation again.
 * A duplicate ({@code old_size == 0}) leaves the source in place. Runs under the sandbox's lock.
 */
final class Remap {
    private static final long[] NONE = new long[0];

    private final RawCalls raw;
    private final Ledger ledger;
    private final Reservations reservations;
    private final long page;

    Remap(RawCalls raw, Ledger ledger, Reservations reservations, long page) {
        this.raw = raw;
        this.ledger = ledger;
        this.reservations = reservations;
        this.page = page;
    }

    private long up(long value) {
        return (value + page - 1) & -page;
    }

    private static boolean wraps(long address, long length, long page) {
        return address + length < address || address + length > Long.MAX_VALUE - page;
    }

    SysResult run(long old, long oldSize, long newSize, int flags, long newAddress) {
        long sourceLength = oldSize == 0 ? newSize : oldSize;
        boolean fixed = (flags & RemapFlags.FIXED) != 0;
        if (sourceLength <= 0 || newSize <= 0 || (old & (page - 1)) != 0 || fixed && (newAddress & (page - 1)) != 0) {
            return raw.mremap(old, oldSize, newSize, flags, newAddress);
        }
        if (wraps(old, sourceLength, page) || wraps(old, newSize, page) || wraps(newAddress, newSize, page)) {
            return SysResult.refused("mremap range wraps around (old 0x" + Long.toHexString(old) + ", new 0x"
                    + Long.toHexString(newAddress) + ")");
        }
        long srcStart = old & -page;
        long srcEnd = up(old + sourceLength);
        String why = ledger.unowned("mremap source", srcStart, srcEnd);
        if (why == null && fixed) {
            why = ledger.unowned("mremap MREMAP_FIXED destination", newAddress & -page, up(newAddress + newSize));
        }
        if (why != null) {
            return SysResult.refused(why);
        }
        if (ledger.touchesFree(srcStart, srcEnd)) {
            return SysResult.error(Errno.EFAULT, "mremap: source " + Ledger.hex(srcStart, srcEnd)
                    + " is not mapped (free sandbox arena, held in reserve)");
        }
        long[] handed = NONE;
        long growStart = up(old + oldSize);
        long growEnd = up(old + newSize);
        if (!fixed && oldSize > 0 && growEnd > growStart && ledger.allFree(growStart, growEnd)) {
            handed = reservations.handBack(new long[] { growStart, growEnd });
        }
        SysResult result = raw.mremap(old, oldSize, newSize, flags, newAddress);
        if (!(result instanceof SysResult.Ok(long at))) {
            reservations.reserveAgain(handed, 0, 0);
            return result;
        }
        long newEnd = up(at + newSize);
        ledger.acquired(at, newEnd);
        reservations.reserveAgain(handed, at, newEnd);
        if (oldSize > 0) {
            long oldEnd = up(old + oldSize);
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
