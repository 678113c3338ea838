package org.vmatlas.sources.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs the reader for real as user {@code nobody} in a child JVM (setpriv) against this root-owned
 * JVM: the kernel must refuse, and the reader must say so in a sentence. Needs root and setpriv (CI).
 */
class NotPermittedTest {

    /** Entry point of the child JVM: prints the kind and message of reading {@code maps} of {@code args[0]}. */
    public static void main(String[] args) {
        ProcResult<MapsSnapshot> result = new ProcReader().maps(Long.parseLong(args[0]));
        System.out.println(result.isRead() ? "READ " + result.value().mappings().size()
                : result.failure().kind() + "|" + result.failure().message());
    }

    /**
     * A world-readable copy of where a class was loaded from (a classes directory or a jar), for the child
     * JVM's class path: the checkout may live where {@code nobody} cannot read (root's home directory).
     */
    private static String readableCopy(Class<?> type, Path into) throws Exception {
        Path from = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path to = into.resolve(Integer.toString(into.toFile().list().length));
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return to.toString();
    }

    @Test
    void nobodyMayNotReadTheMapsOfARootProcess() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assumeTrue(uid == 0, "needs root to drop to nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        long target = ProcessHandle.current().pid();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path copies = Files.createTempDirectory(Path.of("/tmp"), "vmatlas-nobody",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try {
            String classPath = String.join(File.pathSeparator, readableCopy(NotPermittedTest.class, copies),
                    readableCopy(ProcReader.class, copies), readableCopy(org.vmatlas.syscall.Mapping.class, copies));
            List<String> command = List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                    java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, NotPermittedTest.class.getName(), Long.toString(target));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .directory(new File("/")).start();
            String out = new String(child.getInputStream().readAllBytes()).strip();
            assertEquals(true, child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), out);
            assertEquals("NOT_PERMITTED|you may not read the maps of process " + target + " (owner root)", out);
        } finally {
            deleteAll(copies);
        }
    }

    private static void deleteAll(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
