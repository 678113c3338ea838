package org.vmatlas.model.sim;

import org.vmatlas.model.Call;
import org.vmatlas.model.internal.ObjectTable;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * AIX: refuses to {@code mmap} over a mapped range (seed 000), so Go's {@code sysMap} uses {@code mprotect};
 * no {@code mremap}, no {@code memfd_create}, no {@code MAP_FIXED_NOREPLACE}.
 * <p>
 * Assumption (the seed does not say): the refusal answers {@link Errno#EINVAL}. Other calls follow Linux.
 */
final class AixRules extends LinuxRules {

    /** The errno AIX is assumed to answer for a fixed mapping over a mapped range. */
    static final Errno MAP_OVER_MAPPED = Errno.EINVAL;

    @Override
    public String name() {
        return "AIX";
    }

    @Override
    public Call sysMapCall(long address, long length) {
        return new Call.Mprotect(address, length, Prot.RW);
    }

    /** AIX cannot map over the range either, so {@code sysFault} takes the protection away instead. */
    @Override
    public Call sysFaultCall(long address, long length) {
        return new Call.Mprotect(address, length, Prot.NONE);
    }

    @Override
    protected Errno checkMmap(ObjectTable objects, Call.Mmap m) {
        if ((m.flags() & MapFlags.FIXED_NOREPLACE) != 0) {
            return Errno.EINVAL;
        }
        return super.checkMmap(objects, m);
    }

    @Override
    protected SysResult fixedAnswer(VmaCore core, Call.Mmap m, long length) {
        if (!core.isFree(m.address(), m.address() + length)) {
            return SysResult.error(MAP_OVER_MAPPED, "AIX does not map over a mapped range");
        }
        return SysResult.ok(m.address());
    }

    @Override
    protected SysResult answerMremap(VmaCore core, Call.Mremap r) {
        return SysResult.error(Errno.ENOSYS, "AIX has no mremap");
    }

    @Override
    protected SysResult answerMemfd(ObjectTable objects, Call.MemfdCreate call) {
        return SysResult.error(Errno.ENOSYS, "AIX has no memfd_create");
    }

    @Override
    protected SysResult answerMadvise(VmaCore core, Call.Madvise a) {
        if (a.advice() == Advice.FREE || a.advice() == Advice.HUGEPAGE || a.advice() == Advice.NOHUGEPAGE) {
            return SysResult.error(Errno.EINVAL, a.advice().cName() + " is Linux-only");
        }
        return super.answerMadvise(core, a);
    }
}
