package org.vmatlas.model.sim;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.ObjectTable;
import org.vmatlas.model.internal.RuleSet;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Linux's answers and effects for raw memory calls. AIX and NetBSD override the rules that differ (the
 * table in {@code package-info.java}); everything here is what {@code mm/mmap.c}, {@code mm/mprotect.c},
 * {@code mm/mremap.c} and {@code mm/madvise.c} do for private and shared anonymous and memfd mappings.
 */
class LinuxRules implements RuleSet {

    /** Lowest address a fixed mapping may take ({@code vm.mmap_min_addr}). */
    static final long MIN_ADDRESS = 0x10000L;
    /** Top of the simulated user address space and the base of top-down placement. */
    static final long TASK_SIZE = 0x7ffffffff000L;
    static final long MMAP_BASE = 0x7f0000000000L;

    private final MremapRules mremap = new MremapRules();

    @Override
    public String name() {
        return "Linux";
    }

    @Override
    public Call sysMapCall(long address, long length) {
        return new Call.Mmap(address, length, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0,
                null);
    }

    static long roundUp(long length) {
        return (length + PAGE - 1) & -PAGE;
    }

    static boolean aligned(long value) {
        return (value & (PAGE - 1)) == 0;
    }

    /**
     * {@code true} when {@code [address, address + length)} lies below {@link #TASK_SIZE} without wrapping:
     * the address is compared unsigned, as the kernel compares it, so {@code 0xffffffffffff0000} is far above
     * the top, not a negative number below {@link #MIN_ADDRESS}.
     */
    static boolean fits(long address, long length) {
        return length >= 0 && length <= TASK_SIZE && Long.compareUnsigned(address, TASK_SIZE - length) <= 0;
    }

    /** {@link #fits} for a length the kernel rounds up to pages first (a huge length never wraps here). */
    static boolean fitsPages(long address, long length) {
        return length >= 0 && length <= TASK_SIZE && fits(address, roundUp(length));
    }

    /** Whether {@code address + roundUp(length)} wraps past the top of the 64-bit space (or the length does). */
    static boolean wraps(long address, long length) {
        long pages = roundUp(length);
        return length > 0 && pages <= 0 || Long.compareUnsigned(address + pages, address) < 0;
    }

    @Override
    public SysResult answer(VmaCore core, ObjectTable objects, Call call) {
        return switch (call) {
            case Call.Mmap m -> answerMmap(core, objects, m);
            case Call.Munmap u -> !aligned(u.address()) || u.length() <= 0 || !fitsPages(u.address(), u.length())
                    ? SysResult.error(Errno.EINVAL) : SysResult.ok(0);
            case Call.Mprotect p -> answerMprotect(core, p);
            case Call.Mremap r -> answerMremap(core, r);
            case Call.Madvise a -> answerMadvise(core, a);
            case Call.MemfdCreate f -> answerMemfd(objects, f);
            case Call.Ftruncate t -> objects.get(t.fd()) == null ? SysResult.error(Errno.EBADF)
                    : t.length() < 0 ? SysResult.error(Errno.EINVAL) : SysResult.ok(0);
            case Call.Close c -> objects.get(c.fd()) == null ? SysResult.error(Errno.EBADF) : SysResult.ok(0);
            default -> SysResult.error(Errno.EINVAL, call.describe() + " is a Go transition, not a raw call");
        };
    }

    protected SysResult answerMremap(VmaCore core, Call.Mremap r) {
        return mremap.answer(core, r);
    }

    protected void applyMremap(VmaCore core, ObjectTable objects, Call.Mremap r, long at) {
        mremap.apply(core, r, at);
    }

    protected SysResult answerMemfd(ObjectTable objects, Call.MemfdCreate call) {
        return SysResult.ok(objects.nextFd());
    }

    protected SysResult answerMmap(VmaCore core, ObjectTable objects, Call.Mmap m) {
        Errno invalid = checkMmap(objects, m);
        if (invalid != null) {
            return SysResult.error(invalid);
        }
        long length = roundUp(m.length());
        boolean noReplace = (m.flags() & MapFlags.FIXED_NOREPLACE) != 0;
        if (noReplace || (m.flags() & MapFlags.FIXED) != 0) {
            // get_unmapped_area(): the top of user space first, then vm.mmap_min_addr
            if (!fits(m.address(), length)) {
                return SysResult.error(Errno.ENOMEM, "beyond the top of user space");
            }
            if (m.address() < MIN_ADDRESS) {
                return SysResult.error(Errno.EPERM, "below vm.mmap_min_addr");
            }
            if (noReplace && !core.isFree(m.address(), m.address() + length)) {
                return SysResult.error(Errno.EEXIST);
            }
            return fixedAnswer(core, m, length);
        }
        long hint = fits(m.address(), length) ? roundUp(m.address()) : 0;
        if (hint >= MIN_ADDRESS && fits(hint, length) && core.isFree(hint, hint + length)) {
            return SysResult.ok(hint);
        }
        long at = core.highestGap(length, MIN_ADDRESS, MMAP_BASE);
        return at < 0 ? SysResult.error(Errno.ENOMEM) : SysResult.ok(at);
    }

    /** Linux replaces whatever is mapped in a {@code MAP_FIXED} range. */
    protected SysResult fixedAnswer(VmaCore core, Call.Mmap m, long length) {
        return SysResult.ok(m.address());
    }

    /** Argument checks every personality shares; a subclass adds its own flags and protection bits. */
    protected Errno checkMmap(ObjectTable objects, Call.Mmap m) {
        int kinds = m.flags() & (MapFlags.SHARED | MapFlags.PRIVATE);
        if (m.length() <= 0 || !aligned(m.offset()) || kinds == 0 || kinds == (MapFlags.SHARED | MapFlags.PRIVATE)) {
            return Errno.EINVAL;
        }
        boolean fixed = (m.flags() & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) != 0;
        if (fixed && !aligned(m.address())) {
            return Errno.EINVAL;
        }
        if (Prot.requestedMax(m.prot()) > 0 && !supportsMaxProt()) {
            return Errno.EINVAL;
        }
        if (m.length() > TASK_SIZE) {
            return Errno.ENOMEM;
        }
        if ((m.flags() & MapFlags.ANONYMOUS) == 0 && objects.get(m.fd()) == null) {
            return Errno.EBADF;
        }
        return null;
    }

    protected boolean supportsMaxProt() {
        return false;
    }

    protected SysResult answerMprotect(VmaCore core, Call.Mprotect p) {
        if (!aligned(p.address()) || p.length() < 0 || (p.prot() & ~Prot.RWX) != 0) {
            return SysResult.error(Errno.EINVAL);
        }
        if (p.length() == 0) {
            return SysResult.ok(0);
        }
        if (!fitsPages(p.address(), p.length())) {
            return SysResult.error(Errno.ENOMEM); // a wrapping end, or pages above the top: nothing is mapped there
        }
        long hi = p.address() + roundUp(p.length());
        return core.mappedRunEnd(p.address(), hi) < hi ? SysResult.error(Errno.ENOMEM) : SysResult.ok(0);
    }

    protected SysResult answerMadvise(VmaCore core, Call.Madvise a) {
        return MadviseRules.answer(core, a);
    }

    @Override
    public void applyAnswer(VmaCore core, ObjectTable objects, Call call, SysResult result) {
        boolean ok = result.isOk();
        switch (call) {
            case Call.Mmap m -> {
                if (ok) {
                    map(core, objects, m, result.value());
                }
            }
            case Call.Munmap u -> {
                if (ok) {
                    core.unmap(u.address(), u.address() + roundUp(u.length()));
                }
            }
            case Call.Mprotect p -> applyMprotect(core, p, result);
            case Call.Mremap r -> {
                if (ok) {
                    applyMremap(core, objects, r, result.value());
                }
            }
            case Call.Madvise a -> applyMadvise(core, a, result);
            case Call.MemfdCreate f -> {
                if (ok) {
                    objects.create((int) result.value(), f.name());
                }
            }
            case Call.Ftruncate t -> {
                if (ok) {
                    objects.resize(t.fd(), t.length());
                }
            }
            case Call.Close c -> {
                if (ok) {
                    objects.close(c.fd());
                }
            }
            default -> { }
        }
    }

    /**
     * {@code true} when the kernel itself answered ENOMEM and so did the part before the hole. An ENOMEM
     * with a detail was answered without a kernel call (the sandbox's free arena): nothing changed.
     */
    static boolean partlyDone(SysResult result) {
        return result.isOk() || result instanceof SysResult.Err err && err.errno() == Errno.ENOMEM
                && err.detail() == null && !err.refused();
    }

    /** Linux applies {@code mprotect} up to the first hole and answers ENOMEM there. */
    protected void applyMprotect(VmaCore core, Call.Mprotect p, SysResult result) {
        if (p.length() <= 0 || !partlyDone(result)) {
            return;
        }
        core.reprotectRun(p.address(), p.address() + roundUp(p.length()), p.prot() & Prot.RWX);
    }

    protected void applyMadvise(VmaCore core, Call.Madvise a, SysResult result) {
        MadviseRules.apply(core, a, result);
    }

    /** The attribute of a new mapping made by {@code m} at {@code at}. */
    protected void map(VmaCore core, ObjectTable objects, Call.Mmap m, long at) {
        long length = roundUp(m.length());
        int prot = Prot.plain(m.prot());
        int max = Prot.requestedMax(m.prot()) > 0 ? Prot.requestedMax(m.prot()) : Prot.RWX;
        boolean shared = (m.flags() & MapFlags.SHARED) != 0;
        int flags = (m.flags() & MapFlags.NORESERVE) != 0 ? Attr.NORESERVE : 0;
        if (!shared && (prot & Prot.WRITE) != 0 && flags == 0) {
            flags |= Attr.ACCOUNT;
        }
        Attr attr;
        if ((m.flags() & MapFlags.ANONYMOUS) != 0) {
            long inode = shared ? objects.newInode() : 0;
            attr = new Attr(prot, max, shared, Backing.Kind.ANONYMOUS, shared ? "/dev/zero (deleted)" : "", 0, inode,
                    shared ? -at : 0, flags, prot == Prot.NONE ? RegionState.RESERVED : RegionState.READY, true,
                    m.label());
        } else {
            // A descriptor the kernel made (memfd_create) is a memfd; any other came from a traced open().
            Backing.Kind kind = objects.get(m.fd()) != null ? Backing.Kind.MEMFD : Backing.Kind.FILE;
            ObjectTable.MemObject object = objects.objectOf(m.fd(), m.label());
            attr = new Attr(prot, max, shared, kind, object.name(), 0, object.inode(), m.offset() - at,
                    flags, RegionState.UNKNOWN, true, m.label());
        }
        core.map(at, at + length, Attrs.intern(attr));
    }
}
