package org.vmatlas.syscall;

import org.vmatlas.syscall.internal.linux.LinuxFiles;

/**
 * Reads files of {@code /proc} through {@code open}/{@code read}/{@code close} downcalls. The kernel hands out
 * {@code /proc/PID/maps} and {@code smaps} about one page per {@code read} (724 reads for a 60k-mapping maps,
 * 12,005 for its smaps), and a {@code FileChannel} read costs microseconds of locking and bookkeeping on top
 * of each: for these files that is most of the difference from C. A plain downcall costs tens of nanoseconds.
 * <p>
 * Each call answers a non-negative result or {@code -errno}; an errno is never an exception. Not thread-safe:
 * one per reading thread.
 */
public interface ProcFiles {

    /**
     * A reader through downcalls.
     *
     * @throws RuntimeException or {@link LinkageError} where native access is not allowed; callers then read
     *         through {@code FileChannel}
     */
    static ProcFiles create() {
        return new LinuxFiles();
    }

    /** {@code open(path, O_RDONLY | O_CLOEXEC)}: a descriptor, or {@code -errno}. */
    int open(String path);

    /**
     * One {@code read} of at most {@code into.length - offset} bytes into {@code into} at {@code offset}: the
     * byte count (0 at end of file), or {@code -errno}; an interrupted call is repeated.
     *
     * @throws IllegalArgumentException when {@code into} has no room after {@code offset}
     */
    int read(int fd, byte[] into, int offset);

    /** {@code close(fd)}; the descriptor is released whatever it answers. */
    void close(int fd);
}
