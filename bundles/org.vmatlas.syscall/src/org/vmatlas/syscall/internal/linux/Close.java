package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int close(int fd);
 * }
 * Answers 0, or -1 with {@code errno} set (the descriptor is released either way on Linux).
 */
final class Close {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT);
    static final MethodHandle HANDLE = Libc.withErrno("close", DESC);

    private Close() {
    }

    /** Calls {@code close}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, int fd) {
        try {
            return (int) HANDLE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw Libc.bindingFailed("close", t);
        }
    }
}
