package org.vmatlas.sources.internal.proc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * {@code open}/{@code read}/{@code close} through FFM downcalls. The kernel hands out {@code /proc/PID/maps}
 * and {@code smaps} about one page per {@code read} (724 reads for a 60k-mapping maps, 12,005 for its smaps),
 * and a {@code FileChannel} read costs microseconds of locking and bookkeeping on top of each: for these
 * files that is most of the difference from C. A plain downcall costs tens of nanoseconds.
 * <p>
 * Each call returns a non-negative result or {@code -errno}; no exception for an errno.
 */
final class NativeRead {

    /** {@code O_RDONLY | O_CLOEXEC} on Linux. */
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    /** {@snippet lang=c : int open(const char *path, int flags); } */
    private static final MethodHandle OPEN;
    /** {@snippet lang=c : ssize_t read(int fd, void *buf, size_t count); } */
    private static final MethodHandle READ;
    /** {@snippet lang=c : int close(int fd); } */
    private static final MethodHandle CLOSE;

    static {
        Linker linker = Linker.nativeLinker();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        OPEN = linker.downcallHandle(linker.defaultLookup().findOrThrow("open"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), errno);
        READ = linker.downcallHandle(linker.defaultLookup().findOrThrow("read"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
                errno);
        CLOSE = linker.downcallHandle(linker.defaultLookup().findOrThrow("close"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private final Arena arena = Arena.ofAuto();
    private final MemorySegment state = arena.allocate(STATE);
    private MemorySegment buffer = arena.allocate(1 << 20, 4096);

    /** {@code open(path, O_RDONLY | O_CLOEXEC)}: a descriptor, or {@code -errno}. */
    int open(String path) {
        try (Arena temp = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(state, temp.allocateFrom(path), O_RDONLY_CLOEXEC);
            return fd < 0 ? -(int) ERRNO.get(state, 0L) : fd;
        } catch (Throwable e) {
            throw new IllegalStateException("the open(2) downcall failed for " + path, e);
        }
    }

    /** One {@code read} into the start of {@link #buffer()}: the byte count (0 at the end), or {@code -errno}. */
    long readChunk(int fd) {
        try {
            while (true) {
                long n = (long) READ.invokeExact(state, fd, buffer, buffer.byteSize());
                if (n >= 0) {
                    return n;
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != 4) { // EINTR: try again
                    return -errno;
                }
            }
        } catch (Throwable e) {
            throw new IllegalStateException("the read(2) downcall failed", e);
        }
    }

    void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new IllegalStateException("the close(2) downcall failed", e);
        }
    }

    /** The buffer the last {@link #readAll} filled. */
    MemorySegment buffer() {
        return buffer;
    }

    /** Reads the whole file at {@code path}; the byte count, or {@code -errno}. */
    long readAll(String path) {
        try (Arena temp = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(state, temp.allocateFrom(path), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                return -(int) ERRNO.get(state, 0L);
            }
            long total = 0;
            try {
                while (true) {
                    if (total == buffer.byteSize()) {
                        MemorySegment larger = arena.allocate(buffer.byteSize() * 2, 4096);
                        larger.copyFrom(buffer);
                        buffer = larger;
                    }
                    long n = (long) READ.invokeExact(state, fd, buffer.asSlice(total), buffer.byteSize() - total);
                    if (n < 0) {
                        int errno = (int) ERRNO.get(state, 0L);
                        if (errno == 4) { // EINTR: try again
                            continue;
                        }
                        return -errno;
                    }
                    if (n == 0) {
                        return total;
                    }
                    total += n;
                }
            } finally {
                int ignored = (int) CLOSE.invokeExact(fd);
            }
        } catch (Throwable e) {
            throw new IllegalStateException("the read(2) downcall failed for " + path, e);
        }
    }
}
