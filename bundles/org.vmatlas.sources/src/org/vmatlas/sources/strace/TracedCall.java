package org.vmatlas.sources.strace;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;

/**
 * One call of an strace log with its arguments decoded into vmatlas's OS-neutral bits
 * ({@code Prot}, {@code MapFlags}, {@code RemapFlags}) and its answer: the returned value, or the
 * errno of {@code = -1 ENOMEM (Cannot allocate memory)}. Fields a call does not have are 0 / null.
 *
 * @param line       the log line that completed the call (the {@code <... resumed>} line of a split call)
 * @param pid        the process or thread ({@code [pid N]} / {@code -f} prefix, {@code -ff} file suffix); 0 if unknown
 * @param timeMicros microseconds since midnight ({@code -tt}) or the epoch ({@code -ttt}); -1 without a time stamp
 * @param syscall    which call
 * @param address    {@code addr} / {@code old_address} / {@code brk}'s argument
 * @param length     {@code length} / {@code old_size}
 * @param prot       protection bits ({@code mmap}, {@code mprotect})
 * @param flags      {@code MapFlags} of {@code mmap}, {@code RemapFlags} of {@code mremap}, or {@link #SHARES_VM} and
 *                   {@link #THREAD} of a {@code clone}
 * @param fd         the descriptor of {@code mmap}, -1 for none
 * @param offset     the file offset of {@code mmap} in bytes ({@code mmap2}'s page offset already multiplied)
 * @param newLength  {@code mremap}'s {@code new_size}
 * @param newAddress {@code mremap}'s {@code new_address}
 * @param advice     {@code madvise}'s advice, {@code null} for advice vmatlas does not model
 * @param path       the file opened ({@code openat}), the file mapped ({@code -y}, or resolved from {@code fd}), the
 *                   command of an {@code execve}, or the event text
 * @param result     the returned value when {@code errno} is null (an address, a descriptor, 0)
 * @param errno      the error, or {@code null} for success
 * @param unknownResult {@code true} for {@code = ?} (the process ended inside the call)
 */
public record TracedCall(long line, int pid, long timeMicros, Syscall syscall, long address, long length, int prot,
        int flags, int fd, long offset, long newLength, long newAddress, Advice advice, String path, long result,
        Errno errno, boolean unknownResult) {

    /** {@link Syscall#CLONE} flag: the child shares the address space ({@code CLONE_VM}; also {@code vfork}). */
    public static final int SHARES_VM = 1;
    /** {@link Syscall#CLONE} flag: the child is a thread of the caller's process ({@code CLONE_THREAD}). */
    public static final int THREAD = 2;

    public TracedCall {
        if (syscall == null) {
            throw new IllegalArgumentException("a traced call needs a syscall (line " + line + ")");
        }
    }

    public boolean failed() {
        return errno != null || unknownResult;
    }

    /** The same call with the file it maps named (from the {@code openat} that returned its descriptor). */
    public TracedCall withPath(String mappedPath) {
        return new TracedCall(line, pid, timeMicros, syscall, address, length, prot, flags, fd, offset, newLength,
                newAddress, advice, mappedPath, result, errno, unknownResult);
    }
}
