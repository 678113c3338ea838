package org.vmatlas.model.sim;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Call;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * Linux {@code mremap}: shrink, grow in place, move ({@code MREMAP_MAYMOVE}), move to an exact address
 * replacing what is there ({@code MREMAP_FIXED}), move and keep the old range ({@code MREMAP_DONTUNMAP}),
 * and the duplicate of a shared mapping with {@code old_size == 0}. A move keeps each piece's offset into
 * its object, so a moved private anonymous region does not merge with neighbours that were never moved.
 */
final class MremapRules {

    private static final int LINUX_FLAGS = RemapFlags.MAYMOVE | RemapFlags.FIXED | RemapFlags.DONTUNMAP;

    SysResult answer(VmaCore core, Call.Mremap r) {
        int flags = r.flags();
        boolean mayMove = (flags & RemapFlags.MAYMOVE) != 0;
        boolean fixed = (flags & RemapFlags.FIXED) != 0;
        boolean dontUnmap = (flags & RemapFlags.DONTUNMAP) != 0;
        if ((flags & ~LINUX_FLAGS) != 0 || !LinuxRules.aligned(r.oldAddress()) || (fixed || dontUnmap) && !mayMove
                || dontUnmap && r.oldSize() != r.newSize() || r.newSize() <= 0 || r.oldSize() < 0) {
            return SysResult.error(Errno.EINVAL);
        }
        if (r.newSize() > LinuxRules.TASK_SIZE) {
            return SysResult.error(Errno.EINVAL);
        }
        if (!LinuxRules.fitsPages(r.oldAddress(), r.oldSize())) {
            return SysResult.error(Errno.EFAULT); // no VMA up there
        }
        long old = r.oldAddress();
        long oldLen = LinuxRules.roundUp(r.oldSize());
        long newLen = LinuxRules.roundUp(r.newSize());
        if (fixed && !LinuxRules.fits(r.newAddress(), newLen)) {
            return SysResult.error(Errno.EINVAL); // mremap_to(): new_addr > TASK_SIZE - new_len
        }
        if (fixed && (!LinuxRules.aligned(r.newAddress()) || r.newAddress() < old + oldLen
                && old < r.newAddress() + newLen)) {
            return SysResult.error(Errno.EINVAL);
        }
        int id = core.attrAt(old);
        if (id < 0 || old + oldLen > core.kernelVmaEnd(old)) {
            return SysResult.error(Errno.EFAULT);
        }
        if (oldLen == 0 && !Attrs.get(id).shared()) {
            return SysResult.error(Errno.EINVAL, "old_size 0 duplicates only shared mappings");
        }
        if (fixed) {
            return SysResult.ok(r.newAddress());
        }
        if (!dontUnmap && oldLen != 0) {
            if (oldLen >= newLen) {
                return SysResult.ok(old);
            }
            long end = old + oldLen;
            if (end == core.kernelVmaEnd(old) && old + newLen <= LinuxRules.TASK_SIZE && core.isFree(end, old + newLen)) {
                return SysResult.ok(old);
            }
        }
        if (!mayMove) {
            return SysResult.error(Errno.ENOMEM);
        }
        long at = core.highestGap(newLen, LinuxRules.MIN_ADDRESS, LinuxRules.MMAP_BASE);
        return at < 0 ? SysResult.error(Errno.ENOMEM) : SysResult.ok(at);
    }

    void apply(VmaCore core, Call.Mremap r, long at) {
        long old = r.oldAddress();
        long oldLen = LinuxRules.roundUp(r.oldSize());
        long newLen = LinuxRules.roundUp(r.newSize());
        boolean moved = at != old || (r.flags() & (RemapFlags.FIXED | RemapFlags.DONTUNMAP)) != 0;
        if (oldLen == 0) {
            int id = core.attrAt(old);
            if (id < 0) {
                return; // a recorded answer about pages the model never saw mapped
            }
            Attr attr = Attrs.get(id);
            core.map(at, at + newLen, Attrs.intern(attr.withDelta(attr.delta() + old - at)));
        } else if (!moved) {
            if (newLen < oldLen) {
                core.unmap(old + newLen, old + oldLen);
            } else if (newLen > oldLen && core.attrAt(old + oldLen - 1) >= 0) {
                core.map(old + oldLen, old + newLen, core.attrAt(old + oldLen - 1));
            }
        } else {
            move(core, old, oldLen, newLen, at, (r.flags() & RemapFlags.DONTUNMAP) == 0);
        }
    }

    /**
     * Private anonymous memory that was never faulted in gets its page offset relocated to the new address
     * on a move (Linux 6.x, as the kernel this was checked against does), so it merges with its new
     * neighbours; the model never faults pages in. Objects (shared, memfd, remap duplicates) keep offsets.
     */
    private static boolean relocatable(Attr attr) {
        return attr.anonymous() && !attr.shared() && attr.inode() == 0;
    }

    /** Moves the pieces of {@code [old, old + oldLen)} to {@code at}, keeping their offsets. */
    static void move(VmaCore core, long old, long oldLen, long newLen, long at, boolean unmapOld) {
        long keep = Math.min(oldLen, newLen);
        List<long[]> pieces = new ArrayList<>();
        core.forEach(old, old + keep, (s, e, id) -> pieces.add(new long[] {s, e, id}));
        core.unmap(at, at + newLen);
        if (unmapOld) {
            core.unmap(old, old + oldLen);
        }
        long shift = at - old;
        int last = -1;
        for (long[] piece : pieces) {
            Attr attr = Attrs.get((int) piece[2]);
            last = Attrs.intern(attr.withDelta(relocatable(attr) ? 0 : attr.delta() - shift));
            core.map(piece[0] + shift, piece[1] + shift, last);
        }
        if (newLen > oldLen && last >= 0) {
            core.map(at + oldLen, at + newLen, last);
        }
    }
}
