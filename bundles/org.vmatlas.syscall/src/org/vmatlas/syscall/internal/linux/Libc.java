package org.vmatlas.syscall.internal.linux;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * What every binding holder shares: the linker, the C library's symbols and the call-state capture
 * that carries {@code errno} out of a downcall (seed 001: the value and the error travel apart).
 * <p>
 * Pointers that vmatlas only passes along ({@code void *addr}) are bound as {@code JAVA_LONG}: to vmatlas
 * an address is a number, and a {@code long} costs no {@link MemorySegment} per call. Both are 64-bit
 * integer-class arguments on the x86_64 and aarch64 Linux ABIs, so the call is the same.
 */
final class Libc {
    static final Linker LINKER = Linker.nativeLinker();
    static final StructLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {
    }

    static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no symbol '" + name + "'"));
    }

    /** A downcall whose first argument is the call-state segment that receives {@code errno}. */
    static MethodHandle withErrno(String name, FunctionDescriptor descriptor, Linker.Option... more) {
        Linker.Option[] options = new Linker.Option[more.length + 1];
        options[0] = CAPTURE_ERRNO;
        System.arraycopy(more, 0, options, 1, more.length);
        return LINKER.downcallHandle(symbol(name), descriptor, options);
    }

    /** The {@code errno} a downcall left in {@code state}. */
    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** A binding that cannot be invoked is a build defect, never an errno. */
    static AssertionError bindingFailed(String function, Throwable cause) {
        return new AssertionError("downcall to " + function + " failed: " + cause, cause);
    }
}
