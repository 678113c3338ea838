package org.vmatlas.syscall.internal.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.vmatlas.syscall.ProcFiles;

/**
 * {@link ProcFiles} through {@code open}/{@code read}/{@code close} downcalls: each {@code read} lands in one
 * page-aligned native buffer and is copied into the caller's array.
 */
public final class LinuxFiles implements ProcFiles {

    /** {@code O_RDONLY | O_CLOEXEC} on Linux. */
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final int EINTR = 4;
    /** Bytes asked of one {@code read}: far above the page the kernel hands out per call for /proc. */
    private static final long CHUNK = 1 << 20;

    private final Arena arena = Arena.ofAuto();
    private final MemorySegment state = arena.allocate(Libc.STATE_LAYOUT);
    private final MemorySegment buffer = arena.allocate(CHUNK, 4096);

    @Override
    public int open(String path) {
        try (Arena temp = Arena.ofConfined()) {
            int fd = Open.call(state, temp.allocateFrom(path), O_RDONLY_CLOEXEC);
            return fd < 0 ? -Libc.errno(state) : fd;
        }
    }

    @Override
    public int read(int fd, byte[] into, int offset) {
        long room = Math.min(CHUNK, into.length - offset);
        if (room <= 0) {
            throw new IllegalArgumentException("no room to read into: " + into.length + " bytes, offset " + offset);
        }
        while (true) {
            long n = Read.call(state, fd, buffer, room);
            if (n >= 0) {
                MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, into, offset, (int) n);
                return (int) n;
            }
            int errno = Libc.errno(state);
            if (errno != EINTR) {
                return -errno;
            }
        }
    }

    @Override
    public void close(int fd) {
        Close.call(state, fd);
    }
}
