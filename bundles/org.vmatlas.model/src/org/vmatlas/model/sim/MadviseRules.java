package org.vmatlas.model.sim;

import org.vmatlas.model.Call;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Linux {@code madvise}: which advice a range takes ({@code MADV_FREE} only on private anonymous pages,
 * ENOMEM over a hole), and what it leaves behind, the VMA flags Linux keeps per advice and the pages that
 * {@code MADV_DONTNEED} and {@code MADV_FREE} give back, so the region is Prepared again.
 */
final class MadviseRules {

    private MadviseRules() {
    }

    static SysResult answer(VmaCore core, Call.Madvise a) {
        if (!LinuxRules.aligned(a.address()) || a.length() < 0) {
            return SysResult.error(Errno.EINVAL);
        }
        if (a.length() == 0) {
            return SysResult.ok(0);
        }
        if (!LinuxRules.fitsPages(a.address(), a.length())) {
            // madvise(): an end that wraps is EINVAL; pages above the top of user space are unmapped, ENOMEM
            return SysResult.error(LinuxRules.wraps(a.address(), a.length()) ? Errno.EINVAL : Errno.ENOMEM);
        }
        long hi = a.address() + LinuxRules.roundUp(a.length());
        if (a.advice() == Advice.FREE) {
            boolean[] unsuitable = {false};
            core.forEach(a.address(), hi, (s, e, id) -> unsuitable[0] |= !Attrs.get(id).anonymous() || Attrs.get(id).shared());
            if (unsuitable[0]) {
                return SysResult.error(Errno.EINVAL);
            }
        }
        return core.mappedBytes(a.address(), hi, false) < hi - a.address() ? SysResult.error(Errno.ENOMEM)
                : SysResult.ok(0);
    }

    /** Advice reaches every mapped piece even when the range has holes (the answer is then ENOMEM). */
    static void apply(VmaCore core, Call.Madvise a, SysResult result) {
        if (a.length() <= 0 || !LinuxRules.partlyDone(result)) {
            return;
        }
        long hi = a.address() + LinuxRules.roundUp(a.length());
        core.retag(a.address(), hi, id -> advised(id, a.advice()));
    }

    /** The attribute after advice: VMA flags Linux keeps per advice, and DONTNEED/FREE leave pages Prepared. */
    static int advised(int id, Advice advice) {
        Attr old = Attrs.get(id);
        int flags = old.vmFlags();
        Attr now = old;
        switch (advice) {
            case NORMAL -> flags &= ~(VmFlags.RAND | VmFlags.SEQ);
            case RANDOM -> flags = (flags & ~VmFlags.SEQ) | VmFlags.RAND;
            case SEQUENTIAL -> flags = (flags & ~VmFlags.RAND) | VmFlags.SEQ;
            case HUGEPAGE -> flags = (flags & ~VmFlags.NOHUGEPAGE) | VmFlags.HUGEPAGE;
            case NOHUGEPAGE -> flags = (flags & ~VmFlags.HUGEPAGE) | VmFlags.NOHUGEPAGE;
            case DONTNEED, FREE -> {
                if (old.anonymous() && old.prot() != Prot.NONE) {
                    now = now.withState(RegionState.PREPARED, true);
                }
            }
            case WILLNEED -> { }
        }
        return Attrs.intern(now.withVmFlags(flags));
    }
}
