package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int munmap(void *addr, size_t length);
 * }
 * Answers 0, or -1 with {@code errno} set.
 */
final class Munmap {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG);
    static final MethodHandle HANDLE = Libc.withErrno("munmap", DESC);

    private Munmap() {
    }

    /** Calls {@code munmap}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, long addr, long length) {
        try {
            return (int) HANDLE.invokeExact(state, addr, length);
        } catch (Throwable t) {
            throw Libc.bindingFailed("munmap", t);
        }
    }
}
