package org.vmatlas.ui.internal.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A python3 child that maps 64 MiB of anonymous memory, says where, and touches 40 MiB of it when told: the
 * growing process the Residency part's tests sample. Skips the test where python3 is missing.
 */
final class TouchingChild implements AutoCloseable {

    private static final String PROGRAM = """
            import mmap, sys, ctypes
            m = mmap.mmap(-1, 64 << 20, flags=%s)
            print(hex(ctypes.addressof(ctypes.c_char.from_buffer(m))), flush=True)
            for line in sys.stdin:
                for i in range(0, 40 << 20, 4096):
                    m[i] = 1
                print('touched', flush=True)
            """;

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private final long address;

    /** @param mmapFlags python's flags for the mapping ({@code mmap.MAP_SHARED}, {@code mmap.MAP_PRIVATE | ...}) */
    TouchingChild(String mmapFlags) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        process = new ProcessBuilder("/usr/bin/python3", "-c", PROGRAM.formatted(mmapFlags))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        in = process.getOutputStream();
        address = Long.decode(out.readLine());
    }

    long pid() {
        return process.pid();
    }

    /** Where the 64 MiB mapping starts. */
    long address() {
        return address;
    }

    /** Touches 40 MiB of the mapping and waits until the child says it has. */
    void touch() throws IOException {
        in.write("touch\n".getBytes());
        in.flush();
        assertEquals("touched", out.readLine());
    }

    /** Ends the child by closing its input, as a program ends, and waits for it. */
    void end() throws IOException, InterruptedException {
        in.close();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
