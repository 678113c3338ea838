package org.vmatlas.syscall;

/** {@code mremap} flags, OS-neutral bits. */
public final class RemapFlags {
    /** The kernel may move the mapping if it cannot grow in place. */
    public static final int MAYMOVE = 1;
    /** Move to exactly {@code newAddress}, replacing what is there (needs {@link #MAYMOVE} on Linux). */
    public static final int FIXED = 1 << 1;
    /** Move the pages but leave the old range mapped, empty (Linux 5.7+). */
    public static final int DONTUNMAP = 1 << 2;
    /** NetBSD {@code MAP_REMAPDUP}: a second mapping of the same pages; the old one stays (seed 003). */
    public static final int REMAPDUP = 1 << 3;

    private RemapFlags() {
    }

    public static String describe(int flags) {
        StringBuilder text = new StringBuilder();
        if ((flags & MAYMOVE) != 0) text.append("MREMAP_MAYMOVE|");
        if ((flags & FIXED) != 0) text.append("MREMAP_FIXED|");
        if ((flags & DONTUNMAP) != 0) text.append("MREMAP_DONTUNMAP|");
        if ((flags & REMAPDUP) != 0) text.append("MAP_REMAPDUP|");
        return text.isEmpty() ? "0" : text.substring(0, text.length() - 1);
    }
}
