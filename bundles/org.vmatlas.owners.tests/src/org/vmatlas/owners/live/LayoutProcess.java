package org.vmatlas.owners.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The test program {@code layout.c}, compiled with gcc into a temporary folder and run: what it printed
 * (addresses by what they are, thread ids) and its pid. Closing it closes its stdin, which ends it.
 */
final class LayoutProcess implements AutoCloseable {

    final Process process;
    final long pid;
    final Map<String, Long> addresses = new LinkedHashMap<>();
    final List<Integer> threads = new ArrayList<>();
    final Path file;

    private LayoutProcess(Process process, long pid, Path file) {
        this.process = process;
        this.pid = pid;
        this.file = file;
    }

    static LayoutProcess start(Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("layout.c");
        try (InputStream in = LayoutProcess.class.getResourceAsStream("layout.c")) {
            Files.copy(in, source);
        }
        Path binary = dir.resolve("layout");
        Process gcc = new ProcessBuilder("gcc", "-O1", "-Wall", "-pthread", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new AssertionError("gcc failed: " + log);
        }
        Path file = dir.resolve("mapped-file.bin");
        Files.write(file, new byte[8192]);
        Process p = new ProcessBuilder(binary.toString(), file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        LayoutProcess layout = new LayoutProcess(p, p.pid(), file);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        for (String line; (line = out.readLine()) != null;) {
            String[] f = line.split(" ");
            if (f[0].equals("ready")) {
                return layout;
            } else if (f[0].equals("thread")) {
                layout.threads.add(Integer.parseInt(f[1]));
            } else {
                layout.addresses.put(f[0], Long.decode(f[1]));
            }
        }
        throw new AssertionError("the layout program ended before it was ready: " + layout.addresses);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
