package org.vmatlas.model.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Call;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.KernelView;
import org.vmatlas.model.internal.ObjectTable;
import org.vmatlas.model.internal.RuleSets;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * A kernel that exists only in Java: a personality's rules over a virtual address space of its own. Its
 * state is the truth for its sessions; nothing here touches the real process. Thread-safe (one lock).
 */
public final class SimulatedKernel implements Kernel {

    private final Personality personality;
    private final VmaCore core;
    private final ObjectTable objects;

    SimulatedKernel(Personality personality) {
        this(personality, new VmaCore(), new ObjectTable(false, 1));
    }

    private SimulatedKernel(Personality personality, VmaCore core, ObjectTable objects) {
        this.personality = personality;
        this.core = core;
        this.objects = objects;
    }

    public Personality personality() {
        return personality;
    }

    @Override
    public String name() {
        return personality.displayName() + " (simulated)";
    }

    @Override
    public long pageSize() {
        return 4096;
    }

    private synchronized SysResult run(Call call) {
        return RuleSets.of(personality).call(core, objects, call);
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        return run(new Call.Mmap(address, length, prot, flags, fd, offset, null));
    }

    @Override
    public SysResult munmap(long address, long length) {
        return run(new Call.Munmap(address, length));
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        return run(new Call.Mprotect(address, length, prot));
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        return run(new Call.Mremap(oldAddress, oldSize, newSize, flags, newAddress));
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        return run(new Call.Madvise(address, length, advice));
    }

    /** No page is ever resident in a simulation: every flag is {@code false}; unmapped pages are ENOMEM. */
    @Override
    public synchronized SysResult mincore(long address, long length, boolean[] residentOut) {
        if ((address & 4095) != 0 || length < 0) {
            return SysResult.error(Errno.EINVAL);
        }
        long hi = address + ((length + 4095) & -4096L);
        if (core.mappedBytes(address, hi, false) < hi - address) {
            return SysResult.error(Errno.ENOMEM);
        }
        if (residentOut != null) {
            java.util.Arrays.fill(residentOut, false);
        }
        return SysResult.ok(0);
    }

    @Override
    public SysResult memfdCreate(String name) {
        return run(new Call.MemfdCreate(name));
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        return run(new Call.Ftruncate(fd, length));
    }

    @Override
    public SysResult close(int fd) {
        return run(new Call.Close(fd));
    }

    @Override
    public synchronized List<Mapping> mappings() {
        return KernelView.of(core);
    }

    /**
     * {@code fork()}: the child gets a copy of every mapping. On NetBSD a private mapping and its
     * {@code MAP_REMAPDUP} duplicate stop sharing pages (mremap(2) BUGS, PR 55177): copy-on-write takes over,
     * so code written through the writable view is no longer what the executable view runs. Both processes
     * lose the coupling here; shared mappings keep it (the man page's first workaround).
     */
    public synchronized ForkResult fork() {
        List<String> caveats = new ArrayList<>();
        if (personality == Personality.NETBSD) {
            decouplePrivateDuplicates(caveats);
        }
        return new ForkResult(new SimulatedKernel(personality, core.copy(), objects.copy(false)), caveats);
    }

    private void decouplePrivateDuplicates(List<String> caveats) {
        Map<Long, List<long[]>> views = new HashMap<>();
        core.forEach(0, Long.MAX_VALUE, (s, e, id) -> {
            Attr attr = Attrs.get(id);
            if (!attr.shared() && attr.inode() != 0 && attr.anonymous()) {
                views.computeIfAbsent(attr.inode(), k -> new ArrayList<>()).add(new long[] {s, e, id});
            }
        });
        for (List<long[]> group : views.values()) {
            if (group.size() < 2) {
                continue;
            }
            boolean writable = false;
            boolean executable = false;
            for (long[] view : group) {
                int prot = Attrs.get((int) view[2]).prot();
                writable |= (prot & Prot.WRITE) != 0;
                executable |= (prot & Prot.EXEC) != 0;
            }
            StringBuilder where = new StringBuilder();
            for (long[] view : group) {
                where.append(where.isEmpty() ? "" : " and ").append(String.format("%x-%x", view[0], view[1]));
                core.retag(view[0], view[1], id -> Attrs.intern(Attrs.get(id).withObject(
                        org.vmatlas.model.Backing.Kind.ANONYMOUS, "", 0, 0, 0)));
            }
            caveats.add("fork breaks the MAP_REMAPDUP coupling of private " + where
                    + (writable && executable ? ": the W^X pair no longer shares pages, code written through the "
                            + "writable view will not run through the executable one (use MAP_SHARED or "
                            + "MAP_INHERIT_NONE)" : ": the views no longer share pages"));
        }
    }

    @Override
    public synchronized void close() {
        core.unmap(0, Long.MAX_VALUE);
    }
}
