package org.vmatlas.sources.strace;

/**
 * What a line of an strace log records: a memory call strace's {@code -e trace=memory} shows, an
 * {@code open}/{@code openat} (when traced, it names the files later mapped by descriptor), or a
 * process event strace writes between calls.
 */
public enum Syscall {
    MMAP, MMAP2, MUNMAP, MPROTECT, PKEY_MPROTECT, MREMAP, MADVISE, BRK, OPENAT, OPEN,
    /** {@code --- SIGSEGV {...} ---}: a signal was delivered; {@link TracedCall#path()} holds its text. */
    SIGNAL,
    /** {@code +++ exited with 0 +++} or {@code +++ killed by SIGKILL +++}; the text is in {@link TracedCall#path()}. */
    EXIT,
    /**
     * {@code clone} or {@code clone3}: {@link TracedCall#flags()} holds {@link TracedCall#SHARES_VM} and
     * {@link TracedCall#THREAD}, {@link TracedCall#result()} the child's id; for {@code clone3}
     * {@link TracedCall#address()} and {@link TracedCall#length()} hold the new thread's stack (0 when not given).
     */
    CLONE,
    /** {@code fork()}: a child with a copy of the address space; the result is its id. */
    FORK,
    /** {@code vfork()}: a child that borrows the parent's address space until it calls {@code execve}. */
    VFORK,
    /** {@code execve}: on success the process starts a fresh address space; {@link TracedCall#path()} holds the command. */
    EXECVE;

    /** Whether this is a call that changes mappings (the ones a replay applies). */
    public boolean changesMappings() {
        return ordinal() <= BRK.ordinal();
    }

    /** Whether this call makes a new process or thread (its result names the child). */
    public boolean makesChild() {
        return this == CLONE || this == FORK || this == VFORK;
    }
}
