package org.vmatlas.syscall;

/** {@code madvise} advice values that vmatlas can issue and replay. */
public enum Advice {
    NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTNEED, FREE, HUGEPAGE, NOHUGEPAGE;

    /** {@code "MADV_DONTNEED"}. */
    public String cName() {
        return "MADV_" + name();
    }
}
