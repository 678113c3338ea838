package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int open(const char *pathname, int flags);
 * }
 * Answers a descriptor, or -1 with {@code errno} set. Bound without the variadic {@code mode}: vmatlas only
 * opens existing files for reading.
 */
final class Open {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle HANDLE = Libc.withErrno("open", DESC);

    private Open() {
    }

    /** Calls {@code open}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, MemorySegment path, int flags) {
        try {
            return (int) HANDLE.invokeExact(state, path, flags);
        } catch (Throwable t) {
            throw Libc.bindingFailed("open", t);
        }
    }
}
