package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * The sandbox's door for one call's range. Arguments are judged with Linux's own arithmetic: lengths are
 * unsigned {@code size_t}, rounded up with {@code PAGE_ALIGN} (which may wrap to 0), and bounded by
 * {@code TASK_SIZE}. What Linux would reject on those grounds is answered here with Linux's errno and a
 * detail that says no kernel call was made; what passes has an aligned start and a positive, non-wrapping,
 * page-rounded end, so the ownership check that follows sees exactly the pages the kernel could change.
 * A refusal is a result, never an exception. Runs under the sandbox's lock.
 */
final class CallChecks {
    /** Ends every answer the sandbox gives in the kernel's place, so a reader can tell the two apart. */
    static final String AS_LINUX = " (answered by the sandbox as Linux would, " + Sandbox.NO_KERNEL_CALL + ")";

    private final Ledger ledger;
    private final long page;
    private final long taskSize;

    CallChecks(Ledger ledger, long page, long taskSize) {
        this.ledger = ledger;
        this.page = page;
        this.taskSize = taskSize;
    }

    /** {@code PAGE_ALIGN(length)} on an unsigned length: wraps to 0 for the last page's worth below 2^64. */
    long align(long length) {
        return (length + page - 1) & -page;
    }

    boolean aligned(long address) {
        return (address & (page - 1)) == 0;
    }

    /** {@code [start, start + length)} (unsigned) lies below {@code TASK_SIZE}, without overflow. */
    boolean fits(long start, long length) {
        return Long.compareUnsigned(length, taskSize) <= 0 && Long.compareUnsigned(start, taskSize - length) <= 0;
    }

    /** {@code munmap}: null when {@code [address, address + align(length))} may be checked for ownership. */
    SysResult munmap(long address, long length) {
        if (!aligned(address) || !fits(address, length) || align(length) == 0) {
            return asLinux(Errno.EINVAL, "munmap", address, length, "needs a page-aligned start and a length of"
                    + " 1 to TASK_SIZE - start bytes");
        }
        return null;
    }

    /**
     * {@code mprotect}, {@code madvise} or {@code mincore} on mapped pages: null when the call may go on
     * to the kernel; else Linux's answer, the refusal, or {@code ENOMEM} for free arena pages. A call
     * that only reads ({@code changes} false, {@code mincore}) needs no ownership.
     */
    SysResult mapped(String call, long address, long length, boolean changes) {
        if (!aligned(address)) {
            return asLinux(Errno.EINVAL, call, address, length, "start is not page aligned");
        }
        long rounded = align(length);
        if (length != 0 && rounded == 0) {
            // mprotect finds no VMA at a wrapped end (ENOMEM); madvise and mincore reject the length
            Errno errno = call.equals("madvise") ? Errno.EINVAL : Errno.ENOMEM;
            return asLinux(errno, call, address, length, "the length wraps around the address space");
        }
        if (length == 0) {
            return SysResult.ok(0); // Linux: nothing to do, and success
        }
        if (!fits(address, rounded)) {
            Errno errno = call.equals("madvise") && Long.compareUnsigned(address + rounded, address) < 0
                    ? Errno.EINVAL : Errno.ENOMEM;
            return asLinux(errno, call, address, length, "the range reaches past the end of the address space");
        }
        long end = address + rounded;
        if (changes) {
            String why = ledger.unowned(call, address, end);
            if (why != null) {
                return SysResult.refused(why);
            }
        }
        if (ledger.touchesFree(address, end)) {
            return SysResult.error(Errno.ENOMEM, call + ": " + Ledger.hex(address, end)
                    + " is not mapped (free sandbox arena, held in reserve)" + AS_LINUX);
        }
        return null;
    }

    /**
     * {@code mmap}'s arguments, as {@code do_mmap} and {@code get_unmapped_area} judge them: a zero length is
     * {@code EINVAL}, one that wraps or exceeds {@code TASK_SIZE} {@code ENOMEM}, an unaligned offset
     * {@code EINVAL}; a fixed placement needs an aligned start whose range fits below {@code TASK_SIZE}.
     */
    SysResult mmap(long address, long length, long offset, boolean fixed) {
        if (length == 0 || (offset & (page - 1)) != 0) {
            return asLinux(Errno.EINVAL, "mmap", address, length, "needs a length and a page-aligned offset");
        }
        long rounded = align(length);
        if (rounded == 0 || Long.compareUnsigned(rounded, taskSize) > 0) {
            return asLinux(Errno.ENOMEM, "mmap", address, length, "the length exceeds the address space");
        }
        if (fixed && !aligned(address)) {
            return asLinux(Errno.EINVAL, "mmap", address, length, "a fixed start must be page aligned");
        }
        if (fixed && !fits(address, rounded)) {
            return asLinux(Errno.ENOMEM, "mmap", address, length, "the fixed range reaches past the address space");
        }
        return null;
    }

    static SysResult asLinux(Errno errno, String call, long address, long length, String why) {
        return SysResult.error(errno, call + " of 0x" + Long.toHexString(address) + " + " + length + " (0x"
                + Long.toHexString(length) + "): " + why + AS_LINUX);
    }

    /** The outside-arena quota would be exceeded: {@code ENOMEM}, as if the address space were full. */
    static SysResult overQuota(String call, long bytes, long owned, long quota) {
        return SysResult.error(Errno.ENOMEM, call + " could place " + bytes + " bytes outside the arena, where the"
                + " sandbox already owns " + owned + " of its quota of " + quota + " bytes"
                + " (" + Sandbox.OUTSIDE_QUOTA_PROPERTY + "); answered by the sandbox, " + Sandbox.NO_KERNEL_CALL);
    }

    static SysResult notMine(String call, int fd) {
        return SysResult.refused(call + " of fd " + fd + ": not a memfd this sandbox created");
    }

    static SysResult closed() {
        return SysResult.refused("the sandbox is closed");
    }
}
