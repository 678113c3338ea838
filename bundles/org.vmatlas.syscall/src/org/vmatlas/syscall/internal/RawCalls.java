package org.vmatlas.syscall.internal;

import java.util.List;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.SysResult;

/**
 * The kernel's calls without any check: what an operating-system layer offers to the sandbox, which
 * does the checking and the accounting. An implementation only translates the OS-neutral bits, calls,
 * and turns {@code errno} into an error result; it keeps no state of its own.
 */
public interface RawCalls {

    long pageSize();

    SysResult mmap(long address, long length, int prot, int flags, int fd, long offset);

    SysResult munmap(long address, long length);

    SysResult mprotect(long address, long length, int prot);

    SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress);

    SysResult madvise(long address, long length, Advice advice);

    SysResult mincore(long address, long length, boolean[] residentOut);

    SysResult memfdCreate(String name);

    SysResult ftruncate(int fd, long length);

    SysResult close(int fd);

    /** Every mapping of this process, ordered by address, as the kernel reports them now. */
    List<Mapping> processMappings();
}
