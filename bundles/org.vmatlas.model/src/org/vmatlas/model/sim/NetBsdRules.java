package org.vmatlas.model.sim;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Call;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.ObjectTable;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * NetBSD (UVM): maximum protections from {@code PROT_MPROTECT(p)} and {@code EACCES} above them,
 * {@code mremap} with its own flags ({@code MAP_FIXED}, {@code MAP_REMAPDUP}; seed 003), whole-range checks
 * before {@code mprotect} changes anything.
 */
final class NetBsdRules extends LinuxRules {

    private static final int NETBSD_REMAP_FLAGS = RemapFlags.FIXED | RemapFlags.REMAPDUP;

    @Override
    public String name() {
        return "NetBSD";
    }

    @Override
    protected boolean supportsMaxProt() {
        return true;
    }

    @Override
    protected Errno checkMmap(ObjectTable objects, Call.Mmap m) {
        int max = Prot.requestedMax(m.prot());
        if ((m.flags() & MapFlags.FIXED_NOREPLACE) != 0 || max > 0 && (Prot.plain(m.prot()) & ~max) != 0) {
            return Errno.EINVAL;
        }
        return super.checkMmap(objects, m);
    }

    @Override
    protected SysResult answerMprotect(VmaCore core, Call.Mprotect p) {
        if (!aligned(p.address()) || p.length() < 0 || (p.prot() & ~Prot.RWX) != 0) {
            return SysResult.error(Errno.EINVAL);
        }
        if (p.length() == 0) {
            return SysResult.ok(0);
        }
        if (!fitsPages(p.address(), p.length())) {
            return SysResult.error(Errno.ENOMEM);
        }
        long hi = p.address() + roundUp(p.length());
        if (core.mappedRunEnd(p.address(), hi) < hi) {
            return SysResult.error(Errno.ENOMEM);
        }
        int[] refused = {0};
        core.forEach(p.address(), hi, (s, e, id) -> refused[0] |= p.prot() & ~Attrs.get(id).maxProt());
        return refused[0] != 0 ? SysResult.error(Errno.EACCES, "above the maximum protection (PROT_MPROTECT)")
                : SysResult.ok(0);
    }

    /** UVM checks the whole range first: a refused {@code mprotect} changes nothing. */
    @Override
    protected void applyMprotect(VmaCore core, Call.Mprotect p, SysResult result) {
        if (result.isOk()) {
            super.applyMprotect(core, p, result);
        }
    }

    @Override
    protected SysResult answerMremap(VmaCore core, Call.Mremap r) {
        boolean dup = (r.flags() & RemapFlags.REMAPDUP) != 0;
        if (!fitsPages(r.oldAddress(), r.oldSize()) || r.newSize() < 0 || r.newSize() > TASK_SIZE) {
            return SysResult.error(Errno.EINVAL);
        }
        long oldLen = roundUp(r.oldSize());
        long newLen = roundUp(r.newSize());
        if ((r.flags() & ~NETBSD_REMAP_FLAGS) != 0 || !aligned(r.oldAddress()) || oldLen == 0 || newLen == 0
                || dup && oldLen != newLen) {
            return SysResult.error(Errno.EINVAL);
        }
        if (core.mappedRunEnd(r.oldAddress(), r.oldAddress() + oldLen) < r.oldAddress() + oldLen) {
            return SysResult.error(Errno.ENOENT);
        }
        if ((r.flags() & RemapFlags.FIXED) != 0) {
            long at = r.newAddress();
            return aligned(at) && fits(at, newLen) && core.isFree(at, at + newLen) ? SysResult.ok(at) : SysResult.error(Errno.ENOMEM);
        }
        if (!dup && (oldLen >= newLen || core.isFree(r.oldAddress() + oldLen, r.oldAddress() + newLen))) {
            return SysResult.ok(r.oldAddress());
        }
        long hint = fits(r.newAddress(), newLen) ? roundUp(r.newAddress()) : 0;
        if (hint >= MIN_ADDRESS && fits(hint, newLen) && core.isFree(hint, hint + newLen)) {
            return SysResult.ok(hint);
        }
        long at = core.highestGap(newLen, MIN_ADDRESS, MMAP_BASE);
        return at < 0 ? SysResult.error(Errno.ENOMEM) : SysResult.ok(at);
    }

    @Override
    protected void applyMremap(VmaCore core, ObjectTable objects, Call.Mremap r, long at) {
        long old = r.oldAddress();
        long oldLen = roundUp(r.oldSize());
        long newLen = roundUp(r.newSize());
        if ((r.flags() & RemapFlags.REMAPDUP) != 0) {
            duplicate(core, objects, old, oldLen, at);
        } else if (at == old) {
            if (newLen < oldLen) {
                core.unmap(old + newLen, old + oldLen);
            } else if (newLen > oldLen && core.attrAt(old + oldLen - 1) >= 0) {
                core.map(old + oldLen, old + newLen, core.attrAt(old + oldLen - 1));
            }
        } else {
            MremapRules.move(core, old, oldLen, newLen, at, true);
        }
    }

    /**
     * {@code MAP_REMAPDUP}: the same pages at a second address; both views name one object so duplicates are
     * derived. Private anonymous memory gets an identity here, as UVM shares the amap between the two.
     */
    private static void duplicate(VmaCore core, ObjectTable objects, long old, long length, long at) {
        long[] inode = {0};
        core.retag(old, old + length, id -> {
            Attr attr = Attrs.get(id);
            if (attr.inode() != 0) {
                return id;
            }
            if (inode[0] == 0) {
                inode[0] = objects.newInode();
            }
            return Attrs.intern(attr.withObject(Backing.Kind.ANONYMOUS, "[remapdup]", 0, inode[0], -old));
        });
        MremapRules.move(core, old, length, length, at, false);
    }
}
