package org.vmatlas.syscall;

/**
 * Page protection bits, OS-neutral (they equal the Linux and NetBSD values).
 * <p>
 * NetBSD's {@code PROT_MPROTECT(p)} (seed 003) is carried the same way NetBSD does it: the maximum
 * protection {@code p} shifted left by three in {@code mmap}'s protection argument. Kernels that have
 * no maximum protection (Linux) answer {@code EINVAL} to those bits, as the real Linux does.
 */
public final class Prot {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXEC = 4;
    public static final int RW = READ | WRITE;
    public static final int RX = READ | EXEC;
    public static final int RWX = READ | WRITE | EXEC;

    private static final int MAX_SHIFT = 3;

    private Prot() {
    }

    /** NetBSD's {@code PROT_MPROTECT(p)}: ask for maximum protection {@code p}. */
    public static int mprotectMax(int max) {
        return (max & RWX) << MAX_SHIFT;
    }

    /** The plain protection bits of an {@code mmap} protection argument. */
    public static int plain(int protArgument) {
        return protArgument & RWX;
    }

    /** The maximum protection requested with {@link #mprotectMax}, or {@code -1} if none was. */
    public static int requestedMax(int protArgument) {
        int max = (protArgument >>> MAX_SHIFT) & RWX;
        return max == 0 ? -1 : max;
    }

    /** {@code "rw-"}, as in {@code /proc/PID/maps}. */
    public static String letters(int prot) {
        return new String(new char[] {
                (prot & READ) != 0 ? 'r' : '-',
                (prot & WRITE) != 0 ? 'w' : '-',
                (prot & EXEC) != 0 ? 'x' : '-' });
    }

    /** Parses {@code "rw-"}, {@code "rwx"}, {@code "r"}, {@code "none"} or {@code "---"}. */
    public static int parse(String text) {
        if (text.equalsIgnoreCase("none") || text.equals("---")) {
            return NONE;
        }
        int prot = NONE;
        for (char c : text.toCharArray()) {
            switch (c) {
                case 'r' -> prot |= READ;
                case 'w' -> prot |= WRITE;
                case 'x' -> prot |= EXEC;
                case '-' -> { }
                default -> throw new IllegalArgumentException("not a protection: '" + text + "' (use letters r, w, x or -)");
            }
        }
        return prot;
    }
}
