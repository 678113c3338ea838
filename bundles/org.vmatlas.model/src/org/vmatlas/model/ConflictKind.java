package org.vmatlas.model;

/** What can go wrong, or look wrong, when a call meets an address space; views mark each kind. */
public enum ConflictKind {
    /** A {@code MAP_FIXED} mapping replaced accessible pages that were in use. */
    FIXED_REPLACED_LIVE,
    /** The kernel placed a hinted mapping elsewhere (Go's "address space conflict", seed 001). */
    HINT_IGNORED,
    /** The kernel answered an errno. */
    CALL_FAILED,
    /** The sandbox refused the call without asking the kernel. */
    REFUSED,
    /** A page is both writable and executable. */
    WRITE_AND_EXEC,
    /** One object is mapped twice, writable through one view and executable through the other (W^X JIT). */
    WX_DUPLICATE,
    /** {@code mprotect} asked for more than the maximum protection (NetBSD {@code PROT_MPROTECT}). */
    ABOVE_MAX_PROT,
    /** {@code mmap} over a mapped range, which AIX refuses (seed 000). */
    MAP_OVER_MAPPED,
    /** The mapping count is near {@code vm.max_map_count}, beyond which {@code mmap} fails with ENOMEM. */
    MAP_COUNT_NEAR_LIMIT,
    /** A Go transition on pages that are not in the state it starts from (sysUsed on Reserved pages). */
    BAD_TRANSITION
}
