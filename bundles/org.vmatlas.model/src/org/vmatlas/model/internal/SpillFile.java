package org.vmatlas.model.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Where a timeline's sealed segments go so that its heap stays bounded: one file per timeline, appended
 * by a background writer, compressed. The file is opened delete-on-close, which on Linux unlinks it at
 * once: it has no name on disk, and the kernel frees it when the timeline closes or vmatlas ends, even
 * when killed. Until its
 * write completes a segment stays in memory; at most {@link #PENDING} wait, so a fast producer waits for
 * the disk rather than filling the heap. When the disk refuses, segments stay in memory and
 * {@link #problem()} says why.
 */
final class SpillFile {

    /** Where spill files go: the workbench points this at its workspace; else the temporary directory. */
    static final String DIRECTORY_PROPERTY = org.vmatlas.model.TimelineStorage.DIRECTORY_PROPERTY;
    static final int PENDING = 2;
    /** How long a closed timeline stays readable: a part may still paint it a moment after Close. */
    static final long CLOSE_GRACE_MILLIS = 2_000;
    private static final ScheduledExecutorService WRITER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vmatlas timeline spill");
        t.setDaemon(true);
        return t;
    });

    /** A sealed segment: in memory until written, then where it is in the file. */
    static final class Ref {
        final long base;
        final int size;
        volatile TimelineSegment resident;
        volatile long offset = -1;
        volatile int length;
        volatile int rawLength;
        final long heapBytes;

        Ref(TimelineSegment segment) {
            this.base = segment.base;
            this.size = segment.size;
            this.resident = segment;
            this.heapBytes = segment.heapBytes();
        }
    }

    private final Semaphore pending = new Semaphore(PENDING);
    private final String name;
    private FileChannel channel;
    private Path path;
    private long end;
    private volatile long written;
    private volatile String problem;
    private volatile boolean closed;

    SpillFile(String name) {
        this.name = name;
    }

    /** Writes the segment in the background; blocks while {@link #PENDING} writes are still waiting. */
    void spill(Ref ref) {
        if (problem != null || closed) {
            return;
        }
        pending.acquireUninterruptibly();
        WRITER.execute(() -> {
            try {
                write(ref);
            } finally {
                pending.release();
            }
        });
    }

    private void write(Ref ref) {
        if (closed || problem != null) {
            return;
        }
        try {
            ByteBuffer raw = SegmentCodec.encode(ref.resident);
            ref.rawLength = raw.remaining();
            byte[] data = compress(raw);
            synchronized (this) {
                if (channel == null) {
                    open();
                }
                ByteBuffer buffer = ByteBuffer.wrap(data);
                long at = end;
                while (buffer.hasRemaining()) {
                    at += channel.write(buffer, at);
                }
                ref.offset = end;
                ref.length = data.length;
                end = at;
                written = end;
            }
            ref.resident = null;
        } catch (IOException | RuntimeException e) {
            problem = "cannot write the timeline to " + (path != null ? path : directory()) + ": " + e.getMessage()
                    + "; its events stay in memory";
        }
    }

    private void open() throws IOException {
        IOException refused = null;
        for (Path dir : directories()) {
            try {
                Files.createDirectories(dir);
                path = Files.createTempFile(dir, "timeline-", ".bin");
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                return;
            } catch (IOException e) {
                path = null;
                refused = refused == null ? e : refused;
            }
        }
        throw refused;
    }

    /**
     * The folder named by {@value #DIRECTORY_PROPERTY} (the workbench names its workspace's) and nothing
     * else; without it the user's cache (on disk, where /tmp is often a tmpfs in memory), then /tmp.
     */
    static java.util.List<Path> directories() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return java.util.List.of(Path.of(configured));
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path home = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home", "/nonexistent"), ".cache");
        return java.util.List.of(home.resolve("vmatlas/timelines"),
                Path.of(System.getProperty("java.io.tmpdir"), "vmatlas-timelines"));
    }

    static Path directory() {
        return directories().get(0);
    }

    /** Reads a written segment back. */
    TimelineSegment load(Ref ref) {
        TimelineSegment segment = ref.resident;
        if (segment != null) {
            return segment;
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(ref.length);
            synchronized (this) {
                if (channel == null || !channel.isOpen()) {
                    throw new IOException("the file is closed");
                }
                long at = ref.offset;
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, at);
                    if (n < 0) {
                        throw new IOException("it ends at byte " + at + ", before the segment at " + ref.offset);
                    }
                    at += n;
                }
            }
            return SegmentCodec.decode(ref.base, ByteBuffer.wrap(inflate(buffer.array(), ref.rawLength)));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("timeline of " + name + ": events " + ref.base + " to "
                    + (ref.base + ref.size - 1) + " cannot be read back from " + path + ": " + e.getMessage(), e));
        }
    }

    private static byte[] compress(ByteBuffer raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] out = new byte[Math.max(1024, raw.remaining() / 3)];
            int n = 0;
            while (!deflater.finished()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                n += deflater.deflate(out, n, out.length - n);
            }
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] data, int rawLength) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] raw = new byte[rawLength];
            int n = 0;
            while (n < rawLength && !inflater.finished()) {
                int got = inflater.inflate(raw, n, rawLength - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("the segment is cut short at byte " + n + " of " + rawLength);
                }
                n += got;
            }
            return raw;
        } catch (DataFormatException e) {
            throw new IOException("the segment is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Bytes written so far. */
    long bytesOnDisk() {
        return written;
    }

    Path path() {
        return path;
    }

    String problem() {
        return problem;
    }

    /** Lets go of the file (which frees its space) a moment after the writes already queued; no new ones start. */
    void close() {
        closed = true;
        WRITER.schedule(() -> {
            synchronized (this) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException e) {
                    // deleted on exit at the latest
                }
            }
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
