package org.vmatlas.model.sim;

/** Hidden Linux VMA flags set by {@code madvise}; like {@code VM_ACCOUNT} they stop neighbours merging. */
final class VmFlags {
    static final int RAND = 1 << 2;
    static final int SEQ = 1 << 3;
    static final int HUGEPAGE = 1 << 4;
    static final int NOHUGEPAGE = 1 << 5;

    private VmFlags() {
    }
}
