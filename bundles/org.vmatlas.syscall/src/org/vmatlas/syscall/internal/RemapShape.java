package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * An {@code mremap}'s arguments judged in the order of {@code mm/mremap.c}, before any page is looked at:
 * flags Linux does not know, {@code MREMAP_FIXED} without {@code MREMAP_MAYMOVE}, {@code MREMAP_DONTUNMAP}
 * without {@code MREMAP_MAYMOVE} or with a resize, an unaligned old address, a new size that
 * {@code PAGE_ALIGN}s to 0, a source or destination past {@code TASK_SIZE}, an unaligned or overlapping
 * fixed destination: each is {@code EINVAL}; a new size beyond {@code TASK_SIZE} is {@code ENOMEM}, as Linux
 * answers when it finds no room. Sizes are unsigned, as in the kernel. What passes has page-rounded
 * lengths whose ranges neither wrap nor leave the address space.
 */
final class RemapShape {
    private static final int KNOWN = RemapFlags.MAYMOVE | RemapFlags.FIXED | RemapFlags.DONTUNMAP;

    final long old;
    final long oldSize;
    final long newSize;
    final int flags;
    final long newAddress;
    final long oldLen;
    final long newLen;
    final boolean fixed;
    final boolean mayMove;
    private final CallChecks checks;

    RemapShape(CallChecks checks, long old, long oldSize, long newSize, int flags, long newAddress) {
        this.checks = checks;
        this.old = old;
        this.oldSize = oldSize;
        this.newSize = newSize;
        this.flags = flags;
        this.newAddress = newAddress;
        this.oldLen = checks.align(oldSize);
        this.newLen = checks.align(newSize);
        this.fixed = (flags & RemapFlags.FIXED) != 0;
        this.mayMove = (flags & RemapFlags.MAYMOVE) != 0;
    }

    /** The pages a duplicate ({@code old_size == 0}) reads from: {@code new_size} of them. */
    long sourceLen() {
        return oldLen == 0 ? newLen : oldLen;
    }

    /** Linux's {@code EINVAL} for arguments it rejects without changing a page, or {@code null}. */
    SysResult linuxAnswer() {
        String why = null;
        if ((flags & ~KNOWN) != 0) {
            why = "Linux has no " + RemapFlags.describe(flags & ~KNOWN)
                    + " (a duplicate is mremap with old size 0 of a shared mapping)";
        } else if (fixed && !mayMove) {
            why = "MREMAP_FIXED needs MREMAP_MAYMOVE";
        } else if ((flags & RemapFlags.DONTUNMAP) != 0 && (!mayMove || oldSize != newSize)) {
            why = "MREMAP_DONTUNMAP needs MREMAP_MAYMOVE and equal old and new sizes";
        } else if (!checks.aligned(old)) {
            why = "the old address is not page aligned";
        } else if (newLen == 0) {
            why = "the new size is 0 once page aligned";
        } else if (!checks.fits(old, oldLen) || !checks.fits(old, sourceLen())) {
            why = "the old range leaves the address space";
        } else if (fixed) {
            why = destination();
        }
        Errno errno = Errno.EINVAL;
        if (why == null && !checks.fits(0, newLen)) {
            errno = Errno.ENOMEM; // no room to grow or move to: Linux finds no space
            why = "the new size exceeds the address space";
        }
        return why == null ? null : SysResult.error(errno, "mremap(0x" + Long.toHexString(old) + ", "
                + oldSize + ", " + newSize + ", " + RemapFlags.describe(flags) + ", 0x" + Long.toHexString(newAddress)
                + "): " + why + CallChecks.AS_LINUX);
    }

    private String destination() {
        if (!checks.aligned(newAddress)) {
            return "the new address is not page aligned";
        }
        if (!checks.fits(newAddress, newLen)) {
            return "the new range leaves the address space";
        }
        if (old + oldLen > newAddress && newAddress + newLen > old) { // Linux's test, old_len 0 for a duplicate
            return "the old and new ranges overlap";
        }
        return null;
    }
}
