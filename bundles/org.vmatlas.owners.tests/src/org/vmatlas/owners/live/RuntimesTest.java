package org.vmatlas.owners.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.Services;

/** Real runtimes: a JVM (its libjvm.so text, its Java heap from jcmd) and CPython (its image, its heap). */
class RuntimesTest {

    private static final Path JAVA = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /** Starts {@code command}, which prints its pid on its first line and waits for its stdin to close. */
    private static Process start(String... command) throws Exception {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static long firstLinePid(Process p) throws Exception {
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assertTrue(line != null, "the runtime printed its pid");
        return Long.parseLong(line.strip());
    }

    private static void stop(Process p) throws Exception {
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Test
    void aJvmShowsItsHeapAndLibjvm(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("Wait.java");
        Files.writeString(main, "public class Wait { public static void main(String[] a) throws Exception {"
                + " System.out.println(ProcessHandle.current().pid()); System.out.flush(); System.in.read(); } }");
        Process p = start(JAVA.toString(), "-Xms64m", "-Xmx128m", "-XX:+UseSerialGC", main.toString());
        try {
            long pid = firstLinePid(p);
            Classification c = Services.classifier().classify(Fixtures.live(pid));
            boolean libjvmText = false;
            long heap = 0;
            for (int i = 0; i < c.size(); i++) {
                Owner o = c.owner(i);
                libjvmText |= o.equals(Owner.image("libjvm.so", "text"));
                if (o.name().equals("Java heap")) {
                    assertEquals(RegionType.HEAP, o.type());
                    heap += c.regions().get(i).length();
                }
            }
            assertTrue(libjvmText, "libjvm.so's text is an image part");
            assertEquals(128L << 20, heap, "the Java heap is the reserved -Xmx, read from jcmd GC.heap_info");
        } finally {
            stop(p);
        }
    }

    @Test
    void cpythonShowsItsImageAndHeap() throws Exception {
        Process p = start("python3", "-c", "import os, sys; x = bytearray(8 << 20); print(os.getpid(), flush=True);"
                + " sys.stdin.read()");
        try {
            long pid = firstLinePid(p);
            Classification c = Services.classifier().classify(Fixtures.live(pid), true);
            boolean pythonText = false;
            boolean heap = false;
            for (int i = 0; i < c.size(); i++) {
                Owner o = c.owner(i);
                pythonText |= o.type() == RegionType.IMAGE && o.name().startsWith("python3") && "text".equals(o.part())
                        || o.type() == RegionType.IMAGE && o.name().startsWith("libpython3") && "text".equals(o.part());
                heap |= o.type() == RegionType.HEAP && o.name().equals("[heap]");
            }
            assertTrue(pythonText, "the interpreter's text is an image part");
            assertTrue(heap, "[heap] is the heap");
            long rss = 0;
            for (int i = 0; i < c.size(); i++) {
                rss += Math.max(0, c.residency(i).rss());
            }
            assertTrue(rss >= 8 << 20, "the 8 MiB bytearray is resident: " + rss);
        } finally {
            stop(p);
        }
    }
}
