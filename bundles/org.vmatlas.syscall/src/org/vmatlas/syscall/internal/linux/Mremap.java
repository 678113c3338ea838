package org.vmatlas.syscall.internal.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ... // void *new_address
 * }
 * Variadic: {@code new_address} is the first variadic argument (index 4), always passed; the kernel reads it only with {@code MREMAP_FIXED}. Answers the address, or {@code MAP_FAILED} with {@code errno} set.
 */
final class Mremap {
    static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG);
    static final MethodHandle HANDLE = Libc.withErrno("mremap", DESC, Linker.Option.firstVariadicArg(4));

    private Mremap() {
    }

    /** Calls {@code mremap}; {@code state} receives {@code errno}. */
    static long call(MemorySegment state, long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        try {
            return (long) HANDLE.invokeExact(state, oldAddress, oldSize, newSize, flags, newAddress);
        } catch (Throwable t) {
            throw Libc.bindingFailed("mremap", t);
        }
    }
}
