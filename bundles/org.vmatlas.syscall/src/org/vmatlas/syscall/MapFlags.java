package org.vmatlas.syscall;

/**
 * {@code mmap} flags, OS-neutral bits; each kernel translates them to its own ABI. A personality
 * that lacks a flag answers {@code EINVAL} or {@code EOPNOTSUPP} as that system would.
 */
public final class MapFlags {
    public static final int SHARED = 1;
    public static final int PRIVATE = 1 << 1;
    public static final int ANONYMOUS = 1 << 2;
    /** Place exactly at the address, replacing what is there (Linux, NetBSD) or failing (AIX). */
    public static final int FIXED = 1 << 3;
    /** Place exactly at the address, fail with {@code EEXIST} if anything is mapped there (Linux 4.17+). */
    public static final int FIXED_NOREPLACE = 1 << 4;
    public static final int NORESERVE = 1 << 5;
    public static final int POPULATE = 1 << 6;

    private MapFlags() {
    }

    public static String describe(int flags) {
        StringBuilder text = new StringBuilder();
        append(text, flags, SHARED, "MAP_SHARED");
        append(text, flags, PRIVATE, "MAP_PRIVATE");
        append(text, flags, ANONYMOUS, "MAP_ANONYMOUS");
        append(text, flags, FIXED, "MAP_FIXED");
        append(text, flags, FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE");
        append(text, flags, NORESERVE, "MAP_NORESERVE");
        append(text, flags, POPULATE, "MAP_POPULATE");
        return text.isEmpty() ? "0" : text.toString();
    }

    private static void append(StringBuilder text, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            text.append(text.isEmpty() ? "" : "|").append(name);
        }
    }
}
