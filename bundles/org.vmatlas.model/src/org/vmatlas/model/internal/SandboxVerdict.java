package org.vmatlas.model.internal;

import org.vmatlas.model.Call;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * The native sandbox's own say in a preview: a call it would refuse or answer itself (arguments, ownership,
 * quota) is previewed as that answer, not as the Linux rules' guess; and where a hinted call lands is the
 * kernel's choice, which the preview can only guess.
 */
final class SandboxVerdict {

    private SandboxVerdict() {
    }

    /** What the sandbox would answer {@code raw} itself, or {@code null} when it would reach the kernel. */
    static SysResult of(Sandbox sandbox, Call raw) {
        return switch (raw) {
            case Call.Mmap m -> sandbox.vet(Sandbox.Op.MMAP, m.address(), m.length(), m.prot(), m.flags(), m.fd(), m.offset(), 0, 0);
            case Call.Munmap u -> sandbox.vet(Sandbox.Op.MUNMAP, u.address(), u.length(), 0, 0, -1, 0, 0, 0);
            case Call.Mprotect p -> sandbox.vet(Sandbox.Op.MPROTECT, p.address(), p.length(), p.prot(), 0, -1, 0, 0, 0);
            case Call.Madvise a -> sandbox.vet(Sandbox.Op.MADVISE, a.address(), a.length(), 0, 0, -1, 0, 0, 0);
            case Call.Mremap r -> sandbox.vet(Sandbox.Op.MREMAP, r.oldAddress(), r.oldSize(), 0, r.flags(), -1, 0, r.newSize(),
                    r.newAddress());
            default -> null;
        };
    }

    /** A placement the kernel chooses: an mmap without MAP_FIXED (hinted or not). */
    static boolean kernelPlaces(Call raw) {
        return raw instanceof Call.Mmap m && (m.flags() & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) == 0;
    }
}
