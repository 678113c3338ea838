package org.vmatlas.syscall.contract;

import java.util.List;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.SysResult;

/**
 * A kernel that passes every call on to another and feeds a {@link ReferenceModel} with the calls that
 * kernel carried out, so a contract test can compare the kernel's own {@link #mappings()} with a view it
 * did not compute. A call changes the reference when it answered a value; {@code mprotect} and
 * {@code madvise} also when the kernel itself answered ENOMEM, because Linux has then done the part of
 * the range before (and for {@code madvise} around) the hole.
 */
public final class RecordingKernel implements Kernel {

    private final Kernel kernel;
    private final ReferenceModel reference;

    public RecordingKernel(Kernel kernel) {
        this.kernel = kernel;
        this.reference = new ReferenceModel(kernel.pageSize());
    }

    /** The reference fed so far; read it between calls, from the thread that makes them. */
    public ReferenceModel reference() {
        return reference;
    }

    @Override
    public String name() {
        return kernel.name();
    }

    @Override
    public long pageSize() {
        return kernel.pageSize();
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        SysResult result = kernel.mmap(address, length, prot, flags, fd, offset);
        if (result.isOk()) {
            reference.mapped(result.value(), length, prot, flags, fd, offset);
        }
        return result;
    }

    @Override
    public SysResult munmap(long address, long length) {
        SysResult result = kernel.munmap(address, length);
        if (result.isOk()) {
            reference.unmapped(address, length);
        }
        return result;
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        SysResult result = kernel.mprotect(address, length, prot);
        if (partlyDone(result)) {
            reference.reprotected(address, length, prot);
        }
        return result;
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        SysResult result = kernel.mremap(oldAddress, oldSize, newSize, flags, newAddress);
        if (result.isOk()) {
            reference.remapped(oldAddress, oldSize, newSize, flags, result.value());
        }
        return result;
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        SysResult result = kernel.madvise(address, length, advice);
        if (partlyDone(result)) {
            reference.advised(address, length, advice);
        }
        return result;
    }

    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        return kernel.mincore(address, length, residentOut);
    }

    @Override
    public SysResult memfdCreate(String name) {
        SysResult result = kernel.memfdCreate(name);
        if (result.isOk()) {
            reference.memfdCreated((int) result.value(), name);
        }
        return result;
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        return kernel.ftruncate(fd, length);
    }

    @Override
    public SysResult close(int fd) {
        SysResult result = kernel.close(fd);
        if (result.isOk()) {
            reference.closed(fd);
        }
        return result;
    }

    /** The kernel's own mappings, untouched by the reference. */
    @Override
    public List<Mapping> mappings() {
        return kernel.mappings();
    }

    @Override
    public void close() {
        kernel.close();
    }

    /** A value, or an ENOMEM the kernel answered itself (not one a sandbox made up or refused with). */
    private static boolean partlyDone(SysResult result) {
        return result.isOk() || result instanceof SysResult.Err err && err.errno() == Errno.ENOMEM
                && err.detail() == null && !err.refused();
    }
}
