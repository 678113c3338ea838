package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int madvise(void *addr, size_t length, int advice);
 * }
 * Answers 0, or -1 with {@code errno} set.
 */
final class Madvise {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT);
    static final MethodHandle HANDLE = Libc.withErrno("madvise", DESC);

    private Madvise() {
    }

    /** Calls {@code madvise}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, long addr, long length, int advice) {
        try {
            return (int) HANDLE.invokeExact(state, addr, length, advice);
        } catch (Throwable t) {
            throw Libc.bindingFailed("madvise", t);
        }
    }
}
