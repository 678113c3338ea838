package org.vmatlas.syscall;

import java.util.Locale;

import org.vmatlas.syscall.internal.SandboxKernel;
import org.vmatlas.syscall.internal.linux.LinuxCalls;

/**
 * Opens the native kernel: the running Linux process's own {@code mmap} family, reached through the FFM
 * API and fenced by a {@link Sandbox}. The arena is reserved at once ({@code PROT_NONE},
 * {@code MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE}: address space only, no memory), so the sandbox owns
 * a quiet place where calls may land. Needs {@code --enable-native-access} for the calling module.
 */
public final class NativeKernel {
    /** The default arena: 1 GiB of address space. */
    public static final long DEFAULT_ARENA = 1L << 30;

    private NativeKernel() {
    }

    public static Sandbox open() {
        return open(DEFAULT_ARENA);
    }

    /**
     * Reserves an arena of {@code arenaSize} bytes (rounded up to pages) and answers the sandbox around it.
     *
     * @throws UnsupportedOperationException when this is not Linux on x86_64 or aarch64
     * @throws IllegalArgumentException      when {@code arenaSize} is not positive
     * @throws IllegalStateException         when the arena cannot be reserved (with the kernel's errno)
     */
    public static Sandbox open(long arenaSize) {
        if (arenaSize <= 0) {
            throw new IllegalArgumentException("arena size must be positive, was " + arenaSize);
        }
        requireLinux();
        LinuxCalls raw = new LinuxCalls();
        long page = raw.pageSize();
        long size = (arenaSize + page - 1) & -page;
        SysResult arena = raw.mmap(0, size, Prot.NONE, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE, -1, 0);
        if (!(arena instanceof SysResult.Ok(long start))) {
            throw new IllegalStateException("cannot reserve a sandbox arena of " + size + " bytes: " + arena.describe());
        }
        return new SandboxKernel(raw, start, start + size, "Linux (native)");
    }

    /** This JVM runs where the native kernel works. */
    public static boolean supported() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"));
    }

    private static void requireLinux() {
        if (!supported()) {
            throw new UnsupportedOperationException("the native kernel needs Linux on x86_64 or aarch64; this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch"));
        }
    }
}
