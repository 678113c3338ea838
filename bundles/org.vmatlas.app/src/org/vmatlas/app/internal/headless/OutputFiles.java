package org.vmatlas.app.internal.headless;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one run writes, all or none: each is written to a hidden temporary file beside it and
 * renamed over its name only when every output is complete ({@link #commit}). A run that fails, is
 * cancelled or is killed leaves no file that looks complete; {@link #close} (and, for a killed JVM,
 * {@code deleteOnExit}) removes the temporary ones.
 */
final class OutputFiles implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Path, Path> temporaries = new LinkedHashMap<>();

    /** Refuses, before any work, a target whose folder is missing or which is itself a folder. */
    static void check(List<Path> targets) throws HeadlessFailure {
        for (Path target : targets) {
            Path folder = folder(target);
            if (Files.isDirectory(target)) {
                throw HeadlessFailure.badInput("cannot write " + Printable.of(target.toString()) + ": it is a directory");
            }
            String shown = Printable.of(target.getParent() == null ? "." : target.getParent().toString());
            if (!Files.isDirectory(folder)) {
                throw HeadlessFailure.badInput("cannot write " + Printable.of(target.toString()) + ": "
                        + (Files.exists(folder) ? shown + " is not a directory" : "there is no directory " + shown));
            }
            if (!Files.isWritable(folder)) {
                throw HeadlessFailure.badInput("cannot write " + Printable.of(target.toString()) + ": the directory "
                        + shown + " is not writable");
            }
        }
    }

    /**
     * A stream to the temporary file that becomes {@code target} on {@link #commit}. Made with
     * {@code CREATE_NEW} under a random name (not {@code createTempFile}, whose mode 600 would
     * outlive the rename): the output gets the permissions the user's umask gives any new file.
     */
    OutputStream create(Path target) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path temporary = folder(target).resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".part");
            try {
                OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                temporary.toFile().deleteOnExit();
                temporaries.put(target, temporary);
                return out;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames every temporary file over its target; if one rename fails, removes those already made. */
    void commit() throws HeadlessFailure {
        List<Path> done = new ArrayList<>();
        for (Map.Entry<Path, Path> entry : temporaries.entrySet()) {
            try {
                Files.move(entry.getValue(), entry.getKey(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                done.add(entry.getKey());
            } catch (IOException e) {
                for (Path written : done) {
                    quietlyDelete(written);
                }
                throw IoReasons.cannotWrite(entry.getKey().toString(), e);
            }
        }
        temporaries.clear();
    }

    @Override
    public void close() {
        temporaries.values().forEach(OutputFiles::quietlyDelete);
        temporaries.clear();
    }

    private static Path folder(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? target.toAbsolutePath().getRoot() : parent;
    }

    private static void quietlyDelete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind with a name that says it is incomplete; nothing better to do.
        }
    }
}
