package org.vmatlas.syscall.internal;

import java.util.List;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.SysResult;

/** Real calls, counted: a refused call must not reach the kernel. */
class CountingCalls implements RawCalls {
    final RawCalls real;
    int calls;

    CountingCalls(RawCalls real) {
        this.real = real;
    }

    @Override
    public long pageSize() {
        return real.pageSize();
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        calls++;
        return real.mmap(address, length, prot, flags, fd, offset);
    }

    @Override
    public SysResult munmap(long address, long length) {
        calls++;
        return real.munmap(address, length);
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        calls++;
        return real.mprotect(address, length, prot);
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        calls++;
        return real.mremap(oldAddress, oldSize, newSize, flags, newAddress);
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        calls++;
        return real.madvise(address, length, advice);
    }

    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        calls++;
        return real.mincore(address, length, residentOut);
    }

    @Override
    public SysResult memfdCreate(String name) {
        calls++;
        return real.memfdCreate(name);
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        calls++;
        return real.ftruncate(fd, length);
    }

    @Override
    public SysResult close(int fd) {
        calls++;
        return real.close(fd);
    }

    @Override
    public List<Mapping> processMappings() {
        return real.processMappings();
    }
}
