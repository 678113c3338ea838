package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.SysResult;

/**
 * The sandbox's door for one call's range: page rounding, the ownership check against the {@link Ledger},
 * and the wording of every refusal, so that all calls refuse alike. A refusal is a result, never an
 * exception. Runs under the sandbox's lock.
 */
final class CallChecks {

    private final Ledger ledger;
    private final long page;

    CallChecks(Ledger ledger, long page) {
        this.ledger = ledger;
        this.page = page;
    }

    /** One past the page-rounded end of {@code [address, address + length)}, or -1 if it wraps. */
    long end(long address, long length) {
        long end = address + length;
        if (end < address || end > Long.MAX_VALUE - page) {
            return -1;
        }
        return (end + page - 1) & -page;
    }

    boolean aligned(long address) {
        return (address & (page - 1)) == 0;
    }

    /**
     * {@code null} when a call on mapped pages may go to the kernel; else the refusal, or {@code ENOMEM}
     * for free arena pages. A call that only reads ({@code changes} false, {@code mincore}) needs no
     * ownership. Lengths and starts Linux rejects before looking at pages pass, for the kernel to answer.
     */
    SysResult mapped(String call, long address, long length, boolean changes) {
        if (length <= 0 || !aligned(address)) {
            return null;
        }
        long end = end(address, length);
        if (end < 0) {
            return changes ? wraps(call, address, length) : null;
        }
        long start = address & -page;
        if (changes) {
            String why = ledger.unowned(call, start, end);
            if (why != null) {
                return SysResult.refused(why);
            }
        }
        if (ledger.touchesFree(start, end)) {
            return SysResult.error(Errno.ENOMEM, call + ": " + Ledger.hex(start, end)
                    + " is not mapped (free sandbox arena, held in reserve)");
        }
        return null;
    }

    static SysResult wraps(String call, long address, long length) {
        return SysResult.refused(call + " range 0x" + Long.toHexString(address) + " + " + length + " wraps around");
    }

    static SysResult notMine(String call, int fd) {
        return SysResult.refused(call + " of fd " + fd + ": not a memfd this sandbox created");
    }

    static SysResult closed() {
        return SysResult.refused("the sandbox is closed");
    }
}
