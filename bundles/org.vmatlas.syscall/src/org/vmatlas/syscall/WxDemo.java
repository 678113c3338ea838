package org.vmatlas.syscall;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Seed 003's W^X JIT, for real on Linux: one page of shared memory mapped twice, writable through one
 * view and executable through the other, so no page is ever both. Machine code for {@code return 1} is
 * written through the RW view and run through the RX view with an FFM downcall, then rewritten to
 * {@code return 2} and run again. Two ways to get the second view: a {@code memfd_create} object mapped
 * twice, and {@code mremap(old, 0, size, MREMAP_MAYMOVE)} of a {@code MAP_SHARED} anonymous mapping followed
 * by {@code mprotect} RX (Linux's counterpart of NetBSD's {@code MAP_REMAPDUP}).
 * <p>
 * Both views stay mapped for the views to show; {@link #release} unmaps them. x86_64 keeps instruction
 * and data caches coherent; on aarch64 the rewrite relies on the kernel's cache maintenance for newly
 * written shared pages, which vmatlas does not force.
 */
public final class WxDemo {

    /**
     * What one run did. On failure the addresses reached so far are kept (0 where none) and {@code failure}
     * names the step and its error.
     */
    public record Outcome(String method, long writable, long executable, int first, int second, String failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private WxDemo() {
    }

    public static Outcome viaMemfd(Sandbox kernel) {
        long page = kernel.pageSize();
        String method = "memfd_create mapped twice";
        SysResult fd = kernel.memfdCreate("vmatlas-jit");
        if (!fd.isOk()) {
            return failed(method, 0, 0, "memfd_create", fd);
        }
        int descriptor = (int) fd.value();
        try {
            SysResult size = kernel.ftruncate(descriptor, page);
            if (!size.isOk()) {
                return failed(method, 0, 0, "ftruncate", size);
            }
            SysResult rw = kernel.mmap(0, page, Prot.RW, MapFlags.SHARED, descriptor, 0);
            if (!rw.isOk()) {
                return failed(method, 0, 0, "mmap RW", rw);
            }
            SysResult rx = kernel.mmap(0, page, Prot.RX, MapFlags.SHARED, descriptor, 0);
            if (!rx.isOk()) {
                return failed(method, rw.value(), 0, "mmap RX", rx);
            }
            return run(method, rw.value(), rx.value(), page);
        } finally {
            kernel.close(descriptor); // the two mappings keep the object alive
        }
    }

    public static Outcome viaRemapDuplicate(Sandbox kernel) {
        long page = kernel.pageSize();
        String method = "mremap duplicate of a shared mapping";
        SysResult rw = kernel.mmap(0, page, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0);
        if (!rw.isOk()) {
            return failed(method, 0, 0, "mmap RW", rw);
        }
        SysResult rx = kernel.mremap(rw.value(), 0, page, RemapFlags.MAYMOVE, 0);
        if (!rx.isOk()) {
            return failed(method, rw.value(), 0, "mremap duplicate", rx);
        }
        SysResult protect = kernel.mprotect(rx.value(), page, Prot.RX);
        if (!protect.isOk()) {
            return failed(method, rw.value(), rx.value(), "mprotect RX", protect);
        }
        return run(method, rw.value(), rx.value(), page);
    }

    /** Unmaps both views of an outcome. */
    public static void release(Kernel kernel, Outcome outcome) {
        if (outcome.writable() != 0) {
            kernel.munmap(outcome.writable(), kernel.pageSize());
        }
        if (outcome.executable() != 0) {
            kernel.munmap(outcome.executable(), kernel.pageSize());
        }
    }

    private static Outcome run(String method, long rw, long rx, long page) {
        MemorySegment code = MemorySegment.ofAddress(rw).reinterpret(page);
        MethodHandle function = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(rx),
                FunctionDescriptor.of(ValueLayout.JAVA_INT));
        write(code, 1);
        int first = call(function);
        write(code, 2);
        int second = call(function);
        return new Outcome(method, rw, rx, first, second, null);
    }

    /** Writes {@code return value;} in this machine's code. */
    static void write(MemorySegment code, int value) {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (arch.equals("aarch64")) {
            code.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 0,
                    0x52800000 | (value << 5)); // movz w0, #value
            code.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), 4, 0xd65f03c0); // ret
        } else if (arch.equals("amd64") || arch.equals("x86_64")) {
            byte[] bytes = { (byte) 0xB8, (byte) value, 0, 0, 0, (byte) 0xC3 }; // mov eax, value; ret
            MemorySegment.copy(bytes, 0, code, ValueLayout.JAVA_BYTE, 0, bytes.length);
        } else {
            throw new UnsupportedOperationException("no machine code for " + arch + " (x86_64 and aarch64 only)");
        }
    }

    private static int call(MethodHandle function) {
        try {
            return (int) function.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("calling the generated code failed: " + t, t);
        }
    }

    private static Outcome failed(String method, long rw, long rx, String step, SysResult result) {
        return new Outcome(method, rw, rx, 0, 0, step + ": " + result.describe());
    }
}
