package org.vmatlas.model;

/** What stands behind a session's calls, for views that must word things differently. */
public enum KernelKind {
    /** Real calls into this process, fenced by the sandbox's arena. */
    NATIVE_SANDBOX,
    /** A simulated personality's own address space. */
    SIMULATED,
    /** No kernel: an observed process or a replayed trace; calls cannot be run. */
    NONE
}
