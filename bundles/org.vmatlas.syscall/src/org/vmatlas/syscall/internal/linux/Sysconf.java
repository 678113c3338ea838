package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * long sysconf(int name);
 * }
 * Answers the value, or -1 with {@code errno} set for an unknown name.
 */
final class Sysconf {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_INT);
    static final MethodHandle HANDLE = Libc.withErrno("sysconf", DESC);

    private Sysconf() {
    }

    /** Calls {@code sysconf}; {@code state} receives {@code errno}. */
    static long call(MemorySegment state, int name) {
        try {
            return (long) HANDLE.invokeExact(state, name);
        } catch (Throwable t) {
            throw Libc.bindingFailed("sysconf", t);
        }
    }
}
