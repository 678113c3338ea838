package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * int mincore(void *addr, size_t length, unsigned char *vec);
 * }
 * Fills one byte a page into {@code vec}, bit 0 set where the page is resident. Answers 0, or -1 with {@code errno} set.
 */
final class Mincore {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS);
    static final MethodHandle HANDLE = Libc.withErrno("mincore", DESC);

    private Mincore() {
    }

    /** Calls {@code mincore}; {@code state} receives {@code errno}. */
    static int call(MemorySegment state, long addr, long length, MemorySegment vec) {
        try {
            return (int) HANDLE.invokeExact(state, addr, length, vec);
        } catch (Throwable t) {
            throw Libc.bindingFailed("mincore", t);
        }
    }
}
