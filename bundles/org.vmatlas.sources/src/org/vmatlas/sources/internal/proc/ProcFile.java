package org.vmatlas.sources.internal.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.syscall.ProcFiles;

/**
 * Reads a whole {@code /proc} file into a reused byte array. {@code /proc} files report size 0, so
 * the file is read until end of file into a buffer that grows and stays (no allocation once warm: the
 * kernel's own cost is the floor we measure against): through {@code read(2)} downcalls where native
 * access is allowed (see {@link ProcFiles} for why), else through a {@code FileChannel}.
 * Not thread-safe: one per reading thread.
 */
public final class ProcFile {

    private static final int INITIAL = 1 << 20;
    /** Room kept free before each {@code read}: more than the page /proc hands out per call. */
    static final int MIN_ROOM = 64 << 10;
    /** {@code errno} for a file above 2 GB. */
    private static final int EFBIG = 27;

    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL);
    private byte[] bytes = new byte[INITIAL];
    private int length;
    private ProcFiles fast;
    private boolean nativeTried;

    /** The bytes of the last file read; valid up to {@link #length()}. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /**
     * Reads {@code /proc/<pid>/<name>} (or any path when {@code pid} is negative).
     *
     * @return {@code null} when read, else why not
     */
    public ProcFailure read(Path path, long pid, String what) {
        length = 0;
        ProcFiles fast = nativeRead();
        if (fast != null) {
            long n = readAll(fast, path.toString());
            if (n < 0) {
                return failure(errnoException(-n, path), path, pid, what);
            }
            length = (int) n;
            return null;
        }
        buffer.clear();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                if (!buffer.hasRemaining()) {
                    ByteBuffer larger = ByteBuffer.allocateDirect(buffer.capacity() * 2);
                    buffer.flip();
                    larger.put(buffer);
                    buffer = larger;
                }
            }
        } catch (IOException e) {
            return failure(e, path, pid, what);
        }
        buffer.flip();
        length = buffer.remaining();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        buffer.get(bytes, 0, length);
        return null;
    }

    /** Reads the whole file at {@code path} into {@link #bytes}: the byte count, or {@code -errno}. */
    private long readAll(ProcFiles fast, String path) {
        int fd = fast.open(path);
        if (fd < 0) {
            return fd;
        }
        try {
            int total = 0;
            while (true) {
                if (bytes.length - total < MIN_ROOM) {
                    if (bytes.length > Integer.MAX_VALUE / 2 - 8) {
                        return -EFBIG;
                    }
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                int n = fast.read(fd, bytes, total);
                if (n <= 0) {
                    return n < 0 ? n : total;
                }
                total += n;
            }
        } finally {
            fast.close(fd);
        }
    }

    /** The downcall reader, or {@code null} where native access is not allowed (then FileChannel reads). */
    private ProcFiles nativeRead() {
        if (!nativeTried) {
            nativeTried = true;
            try {
                fast = ProcFiles.create();
            } catch (RuntimeException | LinkageError e) {
                fast = null;
            }
        }
        return fast;
    }

    /** The exception {@link #failure} understands for a read's errno. */
    private static IOException errnoException(long errno, Path path) {
        return switch ((int) errno) {
            case 2 -> new java.nio.file.NoSuchFileException(path.toString());
            case 3 -> new IOException("No such process");
            case 1, 13 -> new AccessDeniedException(path.toString());
            case EFBIG -> new IOException("larger than 2 GB");
            default -> new IOException("errno " + errno);
        };
    }

    /** Files smaller than this are read, then parsed: handing work to another thread costs more than it saves. */
    private static final int PIPELINE_FROM = Integer.getInteger("vmatlas.proc.pipelineFrom", 256 << 10);

    private int lastParsedLength;

    /**
     * Reads {@code path} and feeds it to {@code parser}: for a file that was large last time, parsing runs on
     * another thread while the kernel still produces the rest (see {@link PipelinedRead}).
     *
     * @return {@code null} when read and parsed, else why not
     */
    public ProcFailure readAndParse(Path path, long pid, String what, ChunkParser parser) {
        ProcFiles fast = nativeRead();
        if (fast == null || lastParsedLength < PIPELINE_FROM) {
            ProcFailure failure = read(path, pid, what);
            if (failure == null) {
                parser.parse(bytes, 0, length, true);
                lastParsedLength = length;
            }
            return failure;
        }
        PipelinedRead[] pipe = new PipelinedRead[1];
        long n = PipelinedRead.read(fast, path.toString(), bytes, parser, pipe);
        if (pipe[0] != null) {
            bytes = pipe[0].bytes();
        }
        if (n < 0) {
            length = 0;
            return failure(errnoException(-n, path), path, pid, what);
        }
        length = (int) n;
        lastParsedLength = length;
        return null;
    }

    /** Turns the error of reading {@code path} into a sentence the user can act on. */
    static ProcFailure failure(IOException e, Path path, long pid, String what) {
        String text = String.valueOf(e.getMessage());
        boolean gone = e instanceof NoSuchFileException || text.contains("No such process");
        boolean denied = e instanceof AccessDeniedException || text.contains("Permission denied")
                || text.contains("Operation not permitted");
        if (pid > 0 && gone) {
            return new ProcFailure(ProcFailure.Kind.EXITED, pid, "process " + pid + " has exited");
        }
        if (denied) {
            String owner = pid > 0 ? " (owner " + ownerOf(pid) + ")" : "";
            String whose = pid > 0 ? " of process " + pid + owner : " (" + path + ")";
            return new ProcFailure(ProcFailure.Kind.NOT_PERMITTED, pid, "you may not read the " + what + whose);
        }
        return new ProcFailure(ProcFailure.Kind.IO, pid, "cannot read " + path + ": " + text);
    }

    static String ownerOf(long pid) {
        try {
            int uid = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid");
            return Users.nameOf(uid);
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return "unknown";
        }
    }
}
