package org.vmatlas.sources.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** Where a class was loaded from (a classes directory or jar), for the child JVM's class path. */
    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void nobodyMayNotReadTheMapsOfARootProcess() throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        assumeTrue(uid == 0, "needs root to drop to nobody");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        long target = ProcessHandle.current().pid();
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = String.join(File.pathSeparator, location(NotPermittedTest.class), location(ProcReader.class),
                location(org.vmatlas.syscall.Mapping.class));
        List<String> command = List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, NotPermittedTest.class.getName(), Long.toString(target));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .directory(new File("/")).start();
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertEquals(true, child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertEquals("NOT_PERMITTED|you may not read the maps of process " + target + " (owner root)", out);
    }
}
