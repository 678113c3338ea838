package org.vmatlas.sources.internal.proc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import org.vmatlas.syscall.ProcFiles;

/**
 * Reads a large {@code /proc} file on the calling thread while another thread parses the lines already
 * read. The kernel produces {@code maps} about a page per {@code read}, slower than the parser consumes
 * it, so the parse hides behind the reading and the whole costs little more than the kernel alone.
 * <p>
 * Publication: the reader copies each chunk into the byte array, then writes {@code available}
 * (volatile); the parser reads {@code available}, then the array. A grown array is published before
 * the length that needs it and holds the same bytes below the old length.
 */
final class PipelinedRead implements Runnable {

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vmatlas /proc parser");
        t.setDaemon(true);
        return t;
    });

    private final ChunkParser parser;
    private volatile byte[] array;
    private volatile int available;
    private volatile boolean finished;
    private volatile boolean aborted;
    private volatile Thread parsing;

    private PipelinedRead(ChunkParser parser, byte[] array) {
        this.parser = parser;
        this.array = array;
    }

    /** The file's bytes as read (valid up to the returned length of {@link #read}). */
    byte[] bytes() {
        return array;
    }

    /**
     * Reads {@code path} through {@code reader} into {@code initial} (grown as needed), parsing as it goes.
     *
     * @return the byte count, or {@code -errno}; the parser has seen every byte when this returns non-negative
     */
    static long read(ProcFiles reader, String path, byte[] initial, ChunkParser parser, PipelinedRead[] out) {
        int fd = reader.open(path);
        if (fd < 0) {
            return fd;
        }
        PipelinedRead pipe = new PipelinedRead(parser, initial);
        out[0] = pipe;
        Future<?> parsed = PARSERS.submit(pipe);
        int length = 0;
        try {
            while (true) {
                byte[] a = pipe.array;
                if (a.length - length < ProcFile.MIN_ROOM) {
                    if (a.length > Integer.MAX_VALUE / 2 - 8) {
                        pipe.aborted = true;
                        return -27; // EFBIG
                    }
                    a = java.util.Arrays.copyOf(a, a.length * 2);
                    pipe.array = a;
                }
                int n = reader.read(fd, a, length);
                if (n < 0) {
                    pipe.aborted = true;
                    return n;
                }
                if (n == 0) {
                    break;
                }
                length += n;
                pipe.available = length;
            }
        } finally {
            reader.close(fd);
            pipe.finished = true;
            Thread t = pipe.parsing;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
        try {
            parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing " + path, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parsing " + path + " failed", e.getCause());
        }
        return length;
    }

    @Override
    public void run() {
        parsing = Thread.currentThread();
        int pos = 0;
        int idle = 0;
        while (!aborted) {
            boolean last = finished;
            int n = available;
            byte[] a = array;
            int before = pos;
            if (n > pos || last) {
                pos = parser.parse(a, pos, n, last);
            }
            if (last) {
                return;
            }
            if (pos == before) {
                // nothing new yet: spin briefly, then sleep a little (the reader unparks us at the end)
                if (++idle < 100) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(50_000);
                }
            } else {
                idle = 0;
            }
        }
    }
}
