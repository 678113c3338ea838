package org.vmatlas.trace.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.vmatlas.trace.TraceException;

/**
 * The named pipe strace writes its lines to, in a private temporary folder: read while the program runs, so
 * nothing is stored. Opening it for reading waits for strace to open it; should strace end first,
 * {@link #unblockReader()} opens and closes the writing end so that the reader sees the end at once.
 */
public final class Fifo {

    private final Path dir;
    private final Path path;
    private volatile boolean opened;

    private Fifo(Path dir) {
        this.dir = dir;
        this.path = dir.resolve("strace.out");
    }

    /** Makes the pipe with {@code mkfifo}; {@code what} names the target for the error sentence. */
    public static Fifo make(String what) throws TraceException {
        Fifo fifo;
        try {
            fifo = new Fifo(Files.createTempDirectory("vmatlas-trace"));
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.path.toString())
                    .redirectErrorStream(true).start();
            if (!mkfifo.waitFor(20, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                fifo.delete();
                throw new TraceException("cannot make the pipe strace writes to for " + what + ": mkfifo failed");
            }
            return fifo;
        } catch (IOException e) {
            throw new TraceException("cannot make the pipe strace writes to for " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TraceException("interrupted while making the pipe strace writes to for " + what);
        }
    }

    public Path path() {
        return path;
    }

    /** Opens the reading end; waits until a writer opens the other. */
    public InputStream open() throws IOException {
        InputStream in = new java.io.FileInputStream(path.toFile()); // available() asks the pipe (FIONREAD)
        opened = true;
        return in;
    }

    /** strace ended: if the reader still waits to open, let it through (it then reads the end). */
    public void unblockReader() {
        if (opened || !Files.exists(path)) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
            out.flush();
        } catch (IOException e) {
            // the reader opened meanwhile, or the pipe is gone: nothing waits
        }
    }

    /** Removes the pipe and its folder. */
    public void delete() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the trace
        }
    }
}
