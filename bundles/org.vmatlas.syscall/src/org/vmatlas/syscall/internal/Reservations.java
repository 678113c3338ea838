package org.vmatlas.syscall.internal;

import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Moves arena pages between Reserved ({@code PROT_NONE}, {@code MAP_NORESERVE} placeholder) and handed back
 * (unmapped, so that the kernel may place a hinted call there). Reserving again uses
 * {@code MAP_FIXED_NOREPLACE}: pages another thread took in between are never clobbered, they leave
 * the ledger as lost; a piece partly taken is halved until the free pages are found.
 */
final class Reservations {
    private static final SysResult ZERO = SysResult.ok(0);
    private static final int AGAIN = SandboxKernel.RESERVE | MapFlags.FIXED_NOREPLACE;
    private static final int REPLACE = SandboxKernel.RESERVE | MapFlags.FIXED;

    private final RawCalls raw;
    private final Ledger ledger;
    private final long page;

    Reservations(RawCalls raw, Ledger ledger) {
        this.raw = raw;
        this.ledger = ledger;
        this.page = raw.pageSize();
    }

    /**
     * Unmaps the placeholder over each free piece (flattened pairs) so the kernel sees it free; answers
     * the pieces handed back. The ledger still counts them free and owned until {@link #reserveAgain}.
     */
    long[] handBack(long[] pieces) {
        for (int i = 0; i < pieces.length; i += 2) {
            if (!raw.munmap(pieces[i], pieces[i + 1] - pieces[i]).isOk()) {
                pieces[i + 1] = pieces[i]; // still reserved: nothing to reserve again
            }
        }
        return pieces;
    }

    /** Reserves again every piece, except the part {@code [usedStart, usedEnd)} a call now maps. */
    void reserveAgain(long[] pieces, long usedStart, long usedEnd) {
        for (int i = 0; i < pieces.length; i += 2) {
            long s = pieces[i];
            long e = pieces[i + 1];
            if (usedStart < usedEnd && s < usedEnd && e > usedStart) {
                reserve(s, Math.min(e, usedStart));
                reserve(Math.max(s, usedEnd), e);
            } else {
                reserve(s, e);
            }
        }
    }

    private void reserve(long start, long end) {
        if (start >= end) {
            return;
        }
        SysResult result = raw.mmap(start, end - start, Prot.NONE, AGAIN, -1, 0);
        if (result instanceof SysResult.Ok(long at) && at == start) {
            ledger.reserved(start, end);
            return;
        }
        if (result instanceof SysResult.Ok(long elsewhere)) {
            raw.munmap(elsewhere, end - start); // a kernel without MAP_FIXED_NOREPLACE took it as a hint
        }
        long pages = (end - start) / page;
        if (pages == 1) {
            ledger.lost(start, end);
            return;
        }
        long middle = start + pages / 2 * page; // something took part of it: keep what is still free
        reserve(start, middle);
        reserve(middle, end);
    }

    /**
     * Turns mapped arena pages back into reservation in one atomic {@code MAP_FIXED} call, so no other
     * mapping can land there in between: the sandbox's {@code munmap} inside the arena.
     */
    SysResult replace(long start, long end) {
        SysResult result = raw.mmap(start, end - start, Prot.NONE, REPLACE, -1, 0);
        if (result.isOk()) {
            ledger.reserved(start, end);
            return ZERO;
        }
        return result;
    }
}
