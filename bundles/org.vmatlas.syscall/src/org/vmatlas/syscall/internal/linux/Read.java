package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * ssize_t read(int fd, void *buf, size_t count);
 * }
 * Answers the byte count (0 at end of file), or -1 with {@code errno} set.
 */
final class Read {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    static final MethodHandle HANDLE = Libc.withErrno("read", DESC);

    private Read() {
    }

    /** Calls {@code read}; {@code state} receives {@code errno}. */
    static long call(MemorySegment state, int fd, MemorySegment buffer, long count) {
        try {
            return (long) HANDLE.invokeExact(state, fd, buffer, count);
        } catch (Throwable t) {
            throw Libc.bindingFailed("read", t);
        }
    }
}
