package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int memfd_create(const char *name, unsigned int flags);
 * }
 * Answers a file descriptor, or -1 with {@code errno} set.
 */
final class MemfdCreate {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle HANDLE = Libc.withErrno("memfd_create", DESC);

    private MemfdCreate() {
    }

    /** Calls {@code memfd_create}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, MemorySegment name, int flags) {
        try {
            return (int) HANDLE.invokeExact(state, name, flags);
        } catch (Throwable t) {
            throw Libc.bindingFailed("memfd_create", t);
        }
    }
}
