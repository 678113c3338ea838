package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.sim.SimulatedKernel;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * A native call that failed may still have changed pages: Linux unmaps a {@code MAP_FIXED} or
 * {@code MREMAP_FIXED} destination before some of its errors, and the Linux rules apply an error as
 * "nothing changed". After such a call ({@code munmap}, a fixed {@code mremap} or {@code mmap}) the model's
 * kernel view is compared with the kernel's mappings; the mappings that differ, and only they, are brought
 * to the kernel, and the event carries a conflict that says the kernel changed pages although the call
 * failed.
 */
final class KernelDrift {

    private KernelDrift() {
    }

    /** Checks after a call this session made on a native kernel and that failed; adds the conflict if any. */
    static void afterFailure(VmaCore core, Kernel kernel, Call call, SysResult known, SysResult result,
            List<Conflict> conflicts) {
        if (known != null || kernel == null || kernel instanceof SimulatedKernel || !mayChangeOnFailure(call)
                || result.isOk() || Sandbox.answeredItself(result)) {
            return;
        }
        if (kernel instanceof Sandbox && !Sandbox.changedAlthoughFailed(result)) {
            return; // the sandbox looked already: none of its pages changed
        }
        List<Mapping> truth = kernel.mappings();
        List<Mapping> model = KernelView.of(core);
        Set<Key> inModel = keys(model);
        Set<Key> inKernel = keys(truth);
        List<Mapping> differing = new ArrayList<>();
        for (Mapping m : model) {
            if (!inKernel.contains(Key.of(m))) {
                differing.add(m);
            }
        }
        for (Mapping k : truth) {
            if (!inModel.contains(Key.of(k))) {
                differing.add(k);
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        for (Mapping d : differing) {
            follow(core, truth, d.start(), d.end());
        }
        Mapping first = differing.stream().min(Comparator.comparingLong(Mapping::start)).orElseThrow();
        conflicts.add(new Conflict(ConflictKind.CALL_FAILED, first.start(), first.end(), call.describe()
                + " failed, but the kernel changed " + first + " first; the model now follows the kernel"));
    }

    /**
     * Only these calls unmap pages before Linux finds their error: a fixed destination goes first. A
     * failed {@code mremap} without {@code MREMAP_FIXED} has changed nothing, and reading the kernel after
     * each would triple the cost of a session that makes many.
     */
    private static boolean mayChangeOnFailure(Call call) {
        return call instanceof Call.Munmap || call instanceof Call.Mremap r && (r.flags() & RemapFlags.FIXED) != 0
                || call instanceof Call.Mmap m && (m.flags() & MapFlags.FIXED) != 0;
    }

    /** What the two views must agree on, as {@link AddressSpace#differenceFrom} compares them. */
    private record Key(long start, long end, int prot, boolean shared) {
        static Key of(Mapping m) {
            return new Key(m.start(), m.end(), m.prot(), m.shared());
        }
    }

    private static Set<Key> keys(List<Mapping> view) {
        Set<Key> out = new HashSet<>();
        for (Mapping m : view) {
            out.add(Key.of(m));
        }
        return out;
    }

    /** Makes {@code [start, end)} of the core what the kernel shows there, touching nothing else. */
    private static void follow(VmaCore core, List<Mapping> truth, long start, long end) {
        if (!core.isFree(start, end)) {
            core.unmap(start, end);
        }
        for (Mapping k : truth) {
            long s = Math.max(start, k.start());
            long e = Math.min(end, k.end());
            if (s < e) {
                core.map(s, e, Attrs.intern(ObservedMappings.attrOf(k)));
            }
        }
    }
}
