package org.vmatlas.owners.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a HotSpot JVM says of its own memory through {@code jcmd}: {@code System.map} (each mapping with its
 * purpose when Native Memory Tracking is on), {@code GC.heap_info} (the heap's reserved range) and
 * {@code Compiler.codecache} (each code heap's bounds). {@code jcmd} attaches only as the JVM's own user, so
 * root runs it through {@code setpriv} with the process's uid and gid.
 */
final class JvmReport {

    /** One range and what it is for: "Java heap", "code cache", "class space", "metaspace", "CDS archive". */
    record Range(long start, long end, String purpose) {
    }

    private static final Pattern MAP_LINE = Pattern.compile(
            "^0x([0-9a-f]+)-0x([0-9a-f]+)\\s+\\d+\\s+\\S+\\s+.*?\\s(JAVAHEAP|CODE|CLASS|META|CDS)\\s", Pattern.MULTILINE);
    private static final Pattern HEAP = Pattern.compile("heap\\s.*\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");
    private static final Pattern CODE = Pattern.compile("bounds \\[0x([0-9a-f]+), 0x[0-9a-f]+, 0x([0-9a-f]+)\\]");
    private static final long TIMEOUT_SECONDS = 20;

    private JvmReport() {
    }

    /** The ranges of process {@code pid}, or an empty list when {@code jcmd} could not tell. */
    static List<Range> read(long pid) {
        String out = run(pid);
        return out == null ? List.of() : parse(out);
    }

    static List<Range> parse(String out) {
        List<Range> ranges = new ArrayList<>();
        Matcher m = MAP_LINE.matcher(out);
        while (m.find()) {
            ranges.add(new Range(hex(m.group(1)), hex(m.group(2)), switch (m.group(3)) {
                case "JAVAHEAP" -> "Java heap";
                case "CODE" -> "code cache";
                case "CLASS" -> "class space";
                case "META" -> "metaspace";
                default -> "CDS archive";
            }));
        }
        Matcher h = HEAP.matcher(out);
        if (h.find()) {
            ranges.add(new Range(hex(h.group(1)), hex(h.group(2)), "Java heap"));
        }
        Matcher c = CODE.matcher(out);
        while (c.find()) {
            ranges.add(new Range(hex(c.group(1)), hex(c.group(2)), "code cache"));
        }
        return List.copyOf(ranges);
    }

    private static long hex(String digits) {
        return Long.parseUnsignedLong(digits, 16);
    }

    private static String run(long pid) {
        Path commands = null;
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            int uid = (Integer) Files.getAttribute(proc, "unix:uid");
            int gid = (Integer) Files.getAttribute(proc, "unix:gid");
            Path jcmd = jcmdFor(proc);
            if (jcmd == null) {
                return null;
            }
            commands = Files.createTempFile("vmatlas-jcmd", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.writeString(commands, "System.map\nGC.heap_info\nCompiler.codecache\n");
            List<String> command = new ArrayList<>();
            int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (uid != self) {
                if (self != 0) {
                    return null; // only the JVM's user (or root, by becoming it) may attach
                }
                command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups"));
            }
            command.addAll(List.of(jcmd.toString(), Long.toString(pid), "-f", commands.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readNBytes(16 << 20);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (commands != null) {
                try {
                    Files.deleteIfExists(commands);
                } catch (IOException e) {
                    // a temporary file in /tmp: the system cleans it up
                }
            }
        }
    }

    /** The {@code jcmd} beside the process's {@code java}, else the one beside the JVM running vmatlas. */
    private static Path jcmdFor(Path proc) {
        try {
            Path exe = Files.readSymbolicLink(proc.resolve("exe"));
            Path beside = exe.resolveSibling("jcmd");
            if (Files.isExecutable(beside)) {
                return beside;
            }
        } catch (IOException | RuntimeException e) {
            // not ours to read: try our own
        }
        Path own = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(own) ? own : null;
    }
}
