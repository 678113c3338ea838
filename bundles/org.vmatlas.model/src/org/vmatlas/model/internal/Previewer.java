package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Preview;
import org.vmatlas.model.Region;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * Answers "what would this call do?" on a twin: a copy of the core and object table run through the
 * session's rules. For a native session the answer is the Linux rules' prediction; the real kernel (or the
 * sandbox) may still say otherwise.
 */
final class Previewer {

    private Previewer() {
    }

    static Preview preview(RuleSet rules, VmaCore live, ObjectTable objects, ConflictDetector detector, Call call,
            Personality personality) {
        return preview(rules, live, objects, detector, call, personality, null);
    }

    /**
     * With a {@code sandbox}, a call it would answer itself is previewed as that answer (nothing would change),
     * and a placement the kernel chooses is said to be a guess.
     */
    static Preview preview(RuleSet rules, VmaCore live, ObjectTable objects, ConflictDetector detector, Call call,
            Personality personality, Sandbox sandbox) {
        Call raw = GoTransitions.isGo(call) ? GoTransitions.rawCall(rules, call) : call;
        SysResult own = sandbox == null || raw == null ? null : SandboxVerdict.of(sandbox, raw);
        if (own != null) {
            List<Conflict> conflicts = new ArrayList<>();
            Conflict failure = ConflictDetector.failure(call, own);
            if (failure != null) {
                conflicts.add(failure);
            }
            String summary = call.describe() + " would be answered by the sandbox without a kernel call: "
                    + own.describe() + "; nothing would change";
            return new Preview(own, List.of(), 0, 0, live.kernelCount(), conflicts, summary);
        }
        VmaCore twin = live.copy();
        long[] hit = raw == null ? null : destroyedRange(raw);
        List<Region> evicted = new ArrayList<>();
        long[] accessible = {0};
        int split = 0;
        if (hit != null) {
            twin.forEach(hit[0], hit[1], (s, e, id) -> {
                evicted.add(Snapshot.region(s, e, id));
                if (Attrs.get(id).prot() != 0) {
                    accessible[0] += e - s;
                }
            });
        }
        long[] touched = raw == null ? null : touchedRange(raw);
        if (touched != null) {
            split = twin.straddling(touched[0], touched[1]);
        }
        List<Conflict> conflicts = new ArrayList<>();
        if (raw != null) {
            detector.before(twin, objects, raw, conflicts, personality == Personality.AIX);
        }
        SysResult result;
        if (GoTransitions.isGo(call)) {
            result = GoTransitions.run(rules, twin, objects, call, c -> rules.answer(twin, objects, c), conflicts);
        } else {
            result = rules.call(twin, objects, call);
        }
        detector.after(twin, call, raw, result, conflicts);
        Conflict failure = ConflictDetector.failure(call, result);
        if (failure != null) {
            conflicts.add(0, failure);
        }
        if (!result.isOk()) {
            evicted.clear();
            accessible[0] = 0;
            split = 0;
        }
        int count = twin.kernelCount();
        String where = result.isOk() ? sandbox != null && SandboxVerdict.kernelPlaces(raw)
                ? "succeed (the kernel chooses the address; the rules guess " + result.describe() + ")"
                : "succeed (" + result.describe() + ")" : "fail: " + result.describe();
        String summary = call.describe() + " would " + where + "; " + accessible[0] / RuleSet.PAGE
                + " live page(s) evicted, " + split + " region(s) split, " + count + " mapping(s) after";
        return new Preview(result, evicted, accessible[0] / RuleSet.PAGE, split, count, conflicts, summary);
    }

    /** Pages whose contents the call would throw away if it succeeded. */
    private static long[] destroyedRange(Call raw) {
        return switch (raw) {
            case Call.Munmap u -> range(u.address(), u.length());
            case Call.Mmap m when (m.flags() & MapFlags.FIXED) != 0 -> range(m.address(), m.length());
            case Call.Mremap r when (r.flags() & RemapFlags.FIXED) != 0 -> range(r.newAddress(), r.newSize());
            default -> null;
        };
    }

    private static long[] touchedRange(Call raw) {
        return switch (raw) {
            case Call.Munmap u -> range(u.address(), u.length());
            case Call.Mmap m when (m.flags() & MapFlags.FIXED) != 0 -> range(m.address(), m.length());
            case Call.Mprotect p -> range(p.address(), p.length());
            case Call.Madvise a -> range(a.address(), a.length());
            case Call.Mremap r -> range(r.oldAddress(), r.oldSize());
            default -> null;
        };
    }

    private static long[] range(long address, long length) {
        return new long[] {address, address + ConflictDetector.pages(length)};
    }
}
