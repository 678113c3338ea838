package org.vmatlas.model.internal;

import java.util.List;
import java.util.function.Function;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Go's OS-neutral layer ({@code mem.go}): each transition checks the state it starts from, issues the raw
 * call its personality needs, and on success sets the new state explicitly (not inferred), keeping the
 * label. A transition from the wrong state is carried out, as Go would, and flagged {@code BAD_TRANSITION}.
 */
final class GoTransitions {

    private GoTransitions() {
    }

    static boolean isGo(Call call) {
        return call instanceof Call.SysReserve || call instanceof Call.SysMap || call instanceof Call.SysUsed
                || call instanceof Call.SysUnused || call instanceof Call.SysFree || call instanceof Call.SysFault;
    }

    /** The raw call behind a transition, or {@code null} for {@code sysUsed} (accounting only). */
    static Call rawCall(RuleSet rules, Call call) {
        return switch (call) {
            case Call.SysReserve r -> new Call.Mmap(r.hint(), r.length(), Prot.NONE,
                    MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0, r.label());
            case Call.SysMap m -> rules.sysMapCall(m.address(), m.length());
            case Call.SysUnused u -> new Call.Madvise(u.address(), u.length(), org.vmatlas.syscall.Advice.DONTNEED);
            case Call.SysFree f -> new Call.Munmap(f.address(), f.length());
            case Call.SysFault f -> rules.sysFaultCall(f.address(), f.length());
            default -> null;
        };
    }

    /**
     * Runs {@code call} on {@code core}: {@code answerer} gives the raw call's answer (a kernel, or a known
     * result); returns that answer.
     */
    static SysResult run(RuleSet rules, VmaCore core, ObjectTable objects, Call call,
            Function<Call, SysResult> answerer, List<Conflict> conflicts) {
        Call raw = rawCall(rules, call);
        long[] range = range(call);
        RegionState from = switch (call) {
            case Call.SysMap m -> RegionState.RESERVED;
            case Call.SysUsed u -> RegionState.PREPARED;
            case Call.SysUnused u -> RegionState.READY;
            default -> null;
        };
        if (from != null) {
            checkState(core, range[0], range[1], from, call, conflicts);
        }
        int labelAttr = core.attrAt(range[0]);
        String label = call instanceof Call.SysReserve r ? r.label()
                : labelAttr >= 0 ? Attrs.get(labelAttr).label() : null;
        SysResult result = raw == null ? SysResult.ok(0) : answerer.apply(raw);
        if (raw != null) {
            rules.applyAnswer(core, objects, raw, result);
        }
        if (!result.isOk()) {
            return result;
        }
        long lo = call instanceof Call.SysReserve ? result.value() : range[0];
        long hi = lo + (range[1] - range[0]);
        RegionState to = switch (call) {
            case Call.SysReserve r -> RegionState.RESERVED;
            case Call.SysMap m -> RegionState.PREPARED;
            case Call.SysUsed u -> RegionState.READY;
            case Call.SysUnused u -> RegionState.PREPARED;
            case Call.SysFault f -> RegionState.RESERVED;
            default -> null;
        };
        if (to != null) {
            core.retag(lo, hi, id -> Attrs.intern(Attrs.get(id).withState(to, false).withLabel(label)));
        }
        return result;
    }

    private static long[] range(Call call) {
        return switch (call) {
            case Call.SysReserve r -> new long[] {r.hint(), ConflictDetector.end(r.hint(), r.length())};
            case Call.SysMap m -> new long[] {m.address(), ConflictDetector.end(m.address(), m.length())};
            case Call.SysUsed u -> new long[] {u.address(), ConflictDetector.end(u.address(), u.length())};
            case Call.SysUnused u -> new long[] {u.address(), ConflictDetector.end(u.address(), u.length())};
            case Call.SysFree f -> new long[] {f.address(), ConflictDetector.end(f.address(), f.length())};
            case Call.SysFault f -> new long[] {f.address(), ConflictDetector.end(f.address(), f.length())};
            default -> throw new IllegalArgumentException("not a Go transition: " + call.describe());
        };
    }

    private static long pages(long length) {
        return (Math.max(0, length) + RuleSet.PAGE - 1) & -RuleSet.PAGE;
    }

    private static void checkState(VmaCore core, long lo, long hi, RegionState from, Call call,
            List<Conflict> conflicts) {
        long[] wrong = {0};
        core.forEach(lo, hi, (s, e, id) -> {
            if (Attrs.get(id).state() != from) {
                wrong[0] += e - s;
            }
        });
        long unmapped = (hi - lo) - core.mappedBytes(lo, hi, false);
        if (wrong[0] + unmapped > 0) {
            conflicts.add(new Conflict(ConflictKind.BAD_TRANSITION, lo, hi, call.describe() + " expects "
                    + from + " pages; " + (wrong[0] + unmapped) / RuleSet.PAGE + " of " + (hi - lo) / RuleSet.PAGE
                    + " pages are not"));
        }
    }
}
