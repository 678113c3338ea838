package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int ftruncate(int fd, off_t length);
 * }
 * Answers 0, or -1 with {@code errno} set.
 */
final class Ftruncate {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG);
    static final MethodHandle HANDLE = Libc.withErrno("ftruncate", DESC);

    private Ftruncate() {
    }

    /** Calls {@code ftruncate}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, int fd, long length) {
        try {
            return (int) HANDLE.invokeExact(state, fd, length);
        } catch (Throwable t) {
            throw Libc.bindingFailed("ftruncate", t);
        }
    }
}
