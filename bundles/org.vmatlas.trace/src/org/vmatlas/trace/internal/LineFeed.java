package org.vmatlas.trace.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import org.vmatlas.sources.strace.StraceLines;
import org.vmatlas.sources.strace.TracedCall;

/**
 * Reads strace's output as it is written and hands each parsed call on, on the caller's thread. No queue
 * stands between strace and the model: the pipe's own buffer is the only backlog, so a model that falls
 * behind slows strace down rather than filling the heap. Knows when it has read everything written so far.
 */
public final class LineFeed {

    private static final int BUFFER = 1 << 16;
    /**
     * A read of less than this waits a moment before the next: strace writes one line at a time, and waking for
     * each cost more CPU than recording it; in the pause the pipe gathers a batch (a millisecond of lines is far
     * below its 64 KiB, so strace never waits for it).
     */
    private static final int BATCH = 1 << 12;
    private static final long PAUSE_NANOS = 1_000_000;

    private final StraceLines parser;
    private final Consumer<TracedCall> sink;
    private volatile long calls;
    private volatile long lastRead = System.nanoTime();
    private volatile boolean waiting;

    public LineFeed(StraceLines parser, Consumer<TracedCall> sink) {
        this.parser = parser;
        this.sink = sink;
    }

    /** Reads until the end of the stream (strace exited, or detached and closed it). */
    public void run(InputStream in) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int kept = 0;
        while (true) {
            waiting = in.available() == 0;
            int n = in.read(buffer, kept, buffer.length - kept);
            waiting = false;
            lastRead = System.nanoTime();
            if (n < 0) {
                break;
            }
            int end = kept + n;
            int from = 0;
            for (int i = kept; i < end; i++) {
                if (buffer[i] == '\n') {
                    line(buffer, from, i);
                    from = i + 1;
                }
            }
            kept = end - from;
            System.arraycopy(buffer, from, buffer, 0, kept);
            if (kept == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
            }
            if (n < BATCH) {
                pause();
            }
        }
        if (kept > 0) {
            line(buffer, 0, kept);
        }
    }

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_NANOS);
    }

    private void line(byte[] b, int from, int to) {
        TracedCall call = parser.accept(b, from, to);
        if (call != null) {
            calls++;
            sink.accept(call);
        }
    }

    public long lines() {
        return parser.lines();
    }

    public long calls() {
        return calls;
    }

    /** Whether everything strace has written was read and nothing new came for {@code quietNanos}. */
    public boolean caughtUp(long quietNanos) {
        return waiting && System.nanoTime() - lastRead >= quietNanos;
    }
}
