package org.vmatlas.trace.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The strace command lines of a live trace: follow forks ({@code -f}), time stamps in microseconds since the
 * epoch ({@code -ttt}), descriptors with their paths ({@code -y}), the memory calls and the calls that make
 * processes and address spaces; output to {@code out}, a FIFO read while the program runs.
 */
public final class StraceCommand {

    /** The calls traced: every memory call, and the process calls that make, share or replace address spaces. */
    public static final String CALLS = "trace=memory,clone,clone3,fork,vfork,execve";

    private StraceCommand() {
    }

    /** The strace on {@code PATH} (or in /usr/bin), or {@code null} when there is none. */
    public static Path locate() {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "strace");
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    public static List<String> launch(Path strace, Path out, List<String> command) {
        List<String> argv = common(strace, out);
        argv.add("--");
        argv.addAll(command);
        return argv;
    }

    public static List<String> attach(Path strace, Path out, long pid) {
        List<String> argv = common(strace, out);
        argv.add("-p");
        argv.add(Long.toString(pid));
        return argv;
    }

    private static List<String> common(Path strace, Path out) {
        return new ArrayList<>(List.of(strace.toString(), "-f", "-ttt", "-y", "-s", "256", "-e", CALLS, "-o", out.toString()));
    }
}
