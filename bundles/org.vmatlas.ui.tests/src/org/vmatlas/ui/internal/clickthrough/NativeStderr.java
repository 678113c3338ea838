package org.vmatlas.ui.internal.clickthrough;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Catches what GTK writes to the process's standard error (its CRITICAL assertions go straight to file
 * descriptor 2, past Java): while open, descriptor 2 is a file; closing puts it back, echoes what was caught,
 * and answers each GTK-CRITICAL with the last action marked before it ({@link #mark}).
 */
final class NativeStderr implements AutoCloseable {

    private static final String MARK = "[click-through] ";
    private static final int STDERR = 2;
    private static final int O_WRONLY_CREAT_TRUNC_APPEND = 1 | 64 | 512 | 1024;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LIBC.find("open").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle DUP = LINKER.downcallHandle(LIBC.find("dup").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP2 = LINKER.downcallHandle(LIBC.find("dup2").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.find("close").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** The capture under way, which {@link #mark} writes to. */
    private static volatile Path current;
    private final Path file;
    private final int saved;
    private List<String> criticals;

    NativeStderr(Path file) throws Throwable {
        this.file = file;
        System.err.flush();
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_WRONLY_CREAT_TRUNC_APPEND, 0600);
            if (fd < 0) {
                throw new IOException("cannot open " + file);
            }
            saved = (int) DUP.invokeExact(STDERR);
            int moved = (int) DUP2.invokeExact(fd, STDERR);
            int closed = (int) CLOSE.invokeExact(fd);
            if (saved < 0 || moved < 0 || closed < 0) {
                throw new IOException("cannot redirect standard error");
            }
        }
        current = file;
    }

    /** Notes what is being done now, so that a CRITICAL after it is traced to it. */
    static void mark(String action) {
        Path target = current;
        if (target != null) {
            try {
                // appended like GTK's own lines (the descriptor is O_APPEND), so the order is kept
                Files.writeString(target, MARK + action.replace('\n', ' ') + "\n", StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** The GTK-CRITICAL lines caught, each with the action before it. */
    List<String> criticals() {
        return criticals;
    }

    @Override
    public void close() throws IOException {
        if (criticals != null) {
            return;
        }
        System.err.flush();
        try {
            int back = (int) DUP2.invokeExact(saved, STDERR);
            int closed = (int) CLOSE.invokeExact(saved);
            if (back < 0 || closed < 0) {
                throw new IOException("cannot restore standard error");
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
        current = null;
        criticals = new ArrayList<>();
        String action = "start";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(MARK)) {
                action = line.substring(MARK.length());
            } else {
                System.err.println(line);
                if (line.contains("-CRITICAL")) {
                    criticals.add(line.replaceAll(".*CRITICAL \\*\\*: [0-9:.]+: ", "GTK-CRITICAL ") + " after " + action);
                }
            }
        }
    }
}
