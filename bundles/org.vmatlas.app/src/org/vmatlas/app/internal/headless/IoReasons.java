package org.vmatlas.app.internal.headless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The reason of an I/O error in the words of the sentences vmatlas prints ({@code cannot read
 * trace.log: no such file}): Java's exceptions name only the file ({@code NoSuchFileException:
 * trace.log}) or only the errno text ({@code Is a directory}).
 */
final class IoReasons {

    private IoReasons() {
    }

    /** {@code cannot read NAME: REASON}. */
    static HeadlessFailure cannotRead(String name, Throwable e) {
        return HeadlessFailure.badInput("cannot read " + Printable.of(name) + ": " + reason(e), e);
    }

    /** {@code cannot write NAME: REASON}. */
    static HeadlessFailure cannotWrite(String name, Throwable e) {
        return HeadlessFailure.badInput("cannot write " + Printable.of(name) + ": " + reason(e), e);
    }

    /** Lower-case words for {@code e}, without the file name Java puts in front. */
    static String reason(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return switch (t) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            case NotDirectoryException n -> "a part of its path is not a directory";
            case CharacterCodingException c -> "it is not UTF-8 text";
            case FileSystemException f when f.getReason() != null -> words(f.getReason());
            case IOException io when io.getMessage() != null -> words(io.getMessage());
            default -> t.getClass().getSimpleName();
        };
    }

    private static String words(String reason) {
        String r = Printable.of(reason);
        return switch (r) {
            case "Is a directory" -> "it is a directory";
            case "Not a directory" -> "a part of its path is not a directory";
            case "No space left on device" -> "the disk is full";
            default -> r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        };
    }
}
