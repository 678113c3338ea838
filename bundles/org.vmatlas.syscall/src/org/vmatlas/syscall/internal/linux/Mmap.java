package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
 * }
 * Answers the address, or {@code MAP_FAILED} ({@code -1}) with {@code errno} set.
 */
final class Mmap {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG);
    static final MethodHandle HANDLE = Libc.withErrno("mmap", DESC);

    private Mmap() {
    }

    /** Calls {@code mmap}; {@code state} receives {@code errno}. */
    static long call(MemorySegment state, long addr, long length, int prot, int flags, int fd, long offset) {
        try {
            return (long) HANDLE.invokeExact(state, addr, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw Libc.bindingFailed("mmap", t);
        }
    }
}
