package org.vmatlas.syscall.internal;

import java.util.List;

import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * Brings the ledger back to the kernel after a call that failed but may have changed pages first: Linux
 * unmaps a {@code MAP_FIXED} or {@code MREMAP_FIXED} destination, or the tail of a shrinking
 * {@code mremap}, before it finds what makes the call fail. If {@code mincore} finds a hole in the owned
 * ranges the call could have touched, {@code /proc/self/maps} is read once over them; an owned page it shows unmapped is, in the arena, reserved
 * again with {@code MAP_FIXED_NOREPLACE} (or recorded lost, never clobbered), and outside the arena it
 * leaves the ledger. Runs under the sandbox's lock.
 */
final class Resync {
    private final RawCalls raw;
    private final Ledger ledger;
    private final Reservations reservations;

    Resync(RawCalls raw, Ledger ledger, Reservations reservations) {
        this.raw = raw;
        this.ledger = ledger;
        this.reservations = reservations;
    }

    /**
     * Re-reads the kernel over {@code touched} (flattened {@code [start, end)} pairs) after {@code failed};
     * answers {@code failed}, its detail extended with the pages the kernel changed, if any.
     */
    SysResult after(SysResult failed, long... touched) {
        if (allMapped(touched)) {
            return failed;
        }
        List<Mapping> maps = raw.processMappings();
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < touched.length; i += 2) {
            long[] mine = ledger.ownedWithin(touched[i], touched[i + 1]);
            for (int j = 0; j < mine.length; j += 2) {
                release(maps, mine[j], mine[j + 1], changed);
            }
        }
        if (changed.isEmpty() || !(failed instanceof SysResult.Err err)) {
            return failed;
        }
        String said = err.detail() != null ? err.detail() : err.errno().message();
        return new SysResult.Err(err.errno(), said + "; the kernel unmapped " + changed + " "
                + Sandbox.CHANGED_ALTHOUGH_FAILED + " (re-read from /proc/self/maps)", err.refused());
    }

    /**
     * Every page of the owned ranges is still mapped ({@code mincore} answers {@code ENOMEM} for a range with
     * a hole): one call instead of reading and parsing {@code /proc/self/maps} after each failure.
     */
    private boolean allMapped(long[] touched) {
        for (int i = 0; i < touched.length; i += 2) {
            long[] mine = ledger.ownedWithin(touched[i], touched[i + 1]);
            for (int j = 0; j < mine.length; j += 2) {
                if (!raw.mincore(mine[j], mine[j + 1] - mine[j], null).isOk()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Takes every hole of {@code [start, end)} in {@code maps} out of use, noting it in {@code changed}. */
    private void release(List<Mapping> maps, long start, long end, StringBuilder changed) {
        long at = start;
        for (Mapping m : maps) {
            if (m.end() <= at) {
                continue;
            }
            if (m.start() >= end) {
                break;
            }
            if (m.start() > at) {
                hole(at, m.start(), changed);
            }
            at = Math.max(at, m.end());
        }
        if (at < end) {
            hole(at, end, changed);
        }
    }

    private void hole(long start, long end, StringBuilder changed) {
        changed.append(changed.isEmpty() ? "" : ", ").append(Ledger.hex(start, end));
        reservations.reserveAgain(ledger.released(start, end), 0, 0);
    }
}
