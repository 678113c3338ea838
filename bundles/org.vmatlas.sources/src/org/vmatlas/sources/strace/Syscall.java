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
    EXIT;

    /** Whether this is a call that changes mappings (the ones a replay applies). */
    public boolean changesMappings() {
        return ordinal() <= BRK.ordinal();
    }
}
