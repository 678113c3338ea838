package org.vmatlas.syscall.soak;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.RawCalls;

/**
 * The real calls, counted, each changing one checked against the JVM's targeted mappings before it is
 * made: a watch independent of the sandbox's ledger. A call that would change a targeted page is not
 * made; it is counted as a breach and answered {@code EPERM}, so a walk can report it and keep the JVM alive.
 * A changing call that arrives with an unaligned start or a length Linux would reject is counted as malformed.
 */
final class GuardedCalls implements RawCalls {
    private final RawCalls real;
    private final JvmTargets targets;
    final AtomicLong kernelCalls = new AtomicLong();
    final AtomicLong breaches = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    volatile String firstBreach;
    volatile String firstMalformed;

    GuardedCalls(RawCalls real, JvmTargets targets) {
        this.real = real;
        this.targets = targets;
    }

    /** The pages Linux could change for {@code [address, address + length)}: rounded, saturated, unsigned. */
    private boolean breaches(String call, long address, long length) {
        long page = real.pageSize();
        long start = address & -page;
        long end = Long.compareUnsigned(length, -page - address) >= 0 ? -1L : (address + length + page - 1) & -page;
        if (length == 0 || !targets.touches(start, end)) {
            return false;
        }
        breaches.incrementAndGet();
        if (firstBreach == null) {
            firstBreach = call + " 0x" + Long.toHexString(address) + " + 0x" + Long.toHexString(length);
        }
        return true;
    }

    /**
     * Notes a call that reached the kernel with an unaligned start or a length that is not positive, wraps
     * or leaves the address space once page aligned: the sandbox promises none ever does.
     */
    private void shape(String call, long address, long length) {
        long page = real.pageSize();
        long rounded = (length + page - 1) & -page;
        boolean fits = rounded > 0 && rounded <= 1L << 48 && address >= 0 && address + rounded <= 1L << 48;
        if ((address & (page - 1)) != 0 || !fits) {
            malformed.incrementAndGet();
            if (firstMalformed == null) {
                firstMalformed = call + " 0x" + Long.toHexString(address) + " + 0x" + Long.toHexString(length);
            }
        }
    }

    private SysResult breach() {
        return SysResult.error(org.vmatlas.syscall.Errno.EPERM, "stopped by the soak guard");
    }

    @Override
    public long pageSize() {
        return real.pageSize();
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        if ((flags & MapFlags.FIXED) != 0 && breaches("mmap MAP_FIXED", address, length)) {
            return breach();
        }
        shape("mmap", (flags & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) != 0 ? address : 0, length);
        kernelCalls.incrementAndGet();
        return real.mmap(address, length, prot, flags, fd, offset);
    }

    @Override
    public SysResult munmap(long address, long length) {
        if (breaches("munmap", address, length)) {
            return breach();
        }
        shape("munmap", address, length);
        kernelCalls.incrementAndGet();
        return real.munmap(address, length);
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        if (breaches("mprotect", address, length)) {
            return breach();
        }
        shape("mprotect", address, length);
        kernelCalls.incrementAndGet();
        return real.mprotect(address, length, prot);
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        boolean duplicate = ((oldSize + pageSize() - 1) & -pageSize()) == 0; // Linux's old_len, page aligned
        if (breaches("mremap source", oldAddress, duplicate ? newSize : oldSize)
                || (flags & RemapFlags.FIXED) != 0 && breaches("mremap destination", newAddress, newSize)) {
            return breach();
        }
        shape("mremap source", oldAddress, duplicate ? newSize : oldSize);
        shape("mremap new size", (flags & RemapFlags.FIXED) != 0 ? newAddress : 0, newSize);
        kernelCalls.incrementAndGet();
        return real.mremap(oldAddress, oldSize, newSize, flags, newAddress);
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        if (breaches("madvise", address, length)) {
            return breach();
        }
        shape("madvise", address, length);
        kernelCalls.incrementAndGet();
        return real.madvise(address, length, advice);
    }

    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        kernelCalls.incrementAndGet();
        return real.mincore(address, length, residentOut);
    }

    @Override
    public SysResult memfdCreate(String name) {
        kernelCalls.incrementAndGet();
        return real.memfdCreate(name);
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        kernelCalls.incrementAndGet();
        return real.ftruncate(fd, length);
    }

    @Override
    public SysResult close(int fd) {
        kernelCalls.incrementAndGet();
        return real.close(fd);
    }

    @Override
    public List<Mapping> processMappings() {
        return real.processMappings();
    }
}
