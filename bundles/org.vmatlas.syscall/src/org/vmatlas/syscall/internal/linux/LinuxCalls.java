package org.vmatlas.syscall.internal.linux;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.ProcMaps;
import org.vmatlas.syscall.internal.RawCalls;

/**
 * The thin Linux layer: translate the neutral bits, call through the binding holders, turn {@code -1}
 * plus {@code errno} into {@link SysResult#error}. No checks beyond what Linux itself would answer for
 * bits it does not know; the sandbox above decides whether a call may be made at all.
 */
public final class LinuxCalls implements RawCalls {
    private static final SysResult ZERO = SysResult.ok(0);
    private static final long MAP_FAILED = -1L;
    private static final Path MAPS = Path.of("/proc/self/maps");
    /** Pages per {@code mincore} piece: one 64 KiB buffer, whatever the length asked. */
    public static final long MINCORE_CHUNK = 1 << 16;

    private final long pageSize;

    public LinuxCalls() {
        long size = Sysconf.call(CallState.current(), LinuxAbi.SC_PAGESIZE);
        if (size <= 0 || Long.bitCount(size) != 1) {
            throw new IllegalStateException("sysconf(_SC_PAGESIZE) answered " + size);
        }
        this.pageSize = size;
    }

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        int linuxFlags = LinuxAbi.mapFlags(flags);
        if (linuxFlags == LinuxAbi.UNKNOWN || !LinuxAbi.validProt(prot)) {
            return SysResult.error(Errno.EINVAL, "Linux has no value for prot " + Prot.letters(prot)
                    + " (0x" + Integer.toHexString(prot) + ") or flags " + MapFlags.describe(flags));
        }
        MemorySegment state = CallState.current();
        long result = Mmap.call(state, address, length, prot, linuxFlags, fd, offset);
        return result == MAP_FAILED ? failed(state) : SysResult.ok(result);
    }

    @Override
    public SysResult munmap(long address, long length) {
        MemorySegment state = CallState.current();
        return Munmap.call(state, address, length) == 0 ? ZERO : failed(state);
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        if (!LinuxAbi.validProt(prot)) {
            return SysResult.error(Errno.EINVAL, "Linux has no maximum protection (prot 0x" + Integer.toHexString(prot) + ")");
        }
        MemorySegment state = CallState.current();
        return Mprotect.call(state, address, length, prot) == 0 ? ZERO : failed(state);
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        int linuxFlags = LinuxAbi.remapFlags(flags);
        if (linuxFlags == LinuxAbi.UNKNOWN) {
            return SysResult.error(Errno.EINVAL, "Linux has no " + RemapFlags.describe(flags)
                    + " (a duplicate is mremap with old size 0 of a shared mapping)");
        }
        MemorySegment state = CallState.current();
        long result = Mremap.call(state, oldAddress, oldSize, newSize, linuxFlags, newAddress);
        return result == MAP_FAILED ? failed(state) : SysResult.ok(result);
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        MemorySegment state = CallState.current();
        return Madvise.call(state, address, length, LinuxAbi.advice(advice)) == 0 ? ZERO : failed(state);
    }

    /**
     * Asks in pieces of at most {@link #MINCORE_CHUNK} pages through one small buffer, so that a hostile
     * length never makes a buffer proportional to it; the first piece that fails answers for the call.
     */
    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        long pages = length <= 0 ? 0 : length / pageSize + (length % pageSize != 0 ? 1 : 0);
        if (residentOut != null && residentOut.length < pages) {
            return SysResult.error(Errno.EINVAL, "residentOut holds " + residentOut.length + " flags, the range has "
                    + pages + " pages");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vec = arena.allocate(MINCORE_CHUNK);
            MemorySegment state = CallState.current();
            if (pages == 0) {
                return Mincore.call(state, address, length, vec) != 0 ? failed(state) : ZERO;
            }
            int resident = 0;
            for (long done = 0; done < pages; done += MINCORE_CHUNK) {
                long n = Math.min(MINCORE_CHUNK, pages - done);
                long bytes = done + n == pages ? length - done * pageSize : n * pageSize;
                if (Mincore.call(state, address + done * pageSize, bytes, vec) != 0) {
                    return failed(state);
                }
                for (int i = 0; i < n; i++) {
                    boolean in = (vec.get(ValueLayout.JAVA_BYTE, i) & 1) != 0;
                    resident += in ? 1 : 0;
                    if (residentOut != null) {
                        residentOut[(int) (done + i)] = in;
                    }
                }
            }
            return SysResult.ok(resident);
        }
    }

    @Override
    public SysResult memfdCreate(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = CallState.current();
            int fd = MemfdCreate.call(state, arena.allocateFrom(name), LinuxAbi.MFD_CLOEXEC);
            return fd < 0 ? failed(state) : SysResult.ok(fd);
        }
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        MemorySegment state = CallState.current();
        return Ftruncate.call(state, fd, length) == 0 ? ZERO : failed(state);
    }

    @Override
    public SysResult close(int fd) {
        MemorySegment state = CallState.current();
        return Close.call(state, fd) == 0 ? ZERO : failed(state);
    }

    @Override
    public List<Mapping> processMappings() {
        try {
            return ProcMaps.read(MAPS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MAPS + ": " + e.getMessage(), e);
        }
    }

    private static SysResult failed(MemorySegment state) {
        return SysResult.error(Errno.of(Libc.errno(state)));
    }
}
