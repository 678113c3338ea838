package org.vmatlas.sources.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.proc.ProcFailure;

/** Samples a real python3 child that maps 64 MiB and touches it on command, then exits. */
class ResidencySamplerTest {

    private static final String CHILD = """
            import mmap, sys, ctypes
            m = mmap.mmap(-1, 64 << 20)
            print(hex(ctypes.addressof(ctypes.c_char.from_buffer(m))), flush=True)
            for line in sys.stdin:
                for i in range(0, 48 << 20, 4096):
                    m[i] = 1
                print('touched', flush=True)
            """;

    @Test
    void theTouchedRegionIsTheStrongestGrowerAndTheExitEndsTheSampling() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        Process child = new ProcessBuilder("/usr/bin/python3", "-c", CHILD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CountDownLatch end = new CountDownLatch(1);
        AtomicReference<ProcFailure> failure = new AtomicReference<>();
        ResidencyHistory history = new ResidencyHistory();
        try (ResidencySampler sampler = new ResidencySampler(child.pid(), Duration.ofMillis(20), history, h -> { },
                f -> {
                    failure.set(f);
                    end.countDown();
                }).start()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            long address = Long.decode(out.readLine());
            waitFor(() -> history.samples() >= 2);
            OutputStream in = child.getOutputStream();
            in.write("touch\n".getBytes());
            in.flush();
            assertEquals("touched", out.readLine());
            long before = history.samples();
            waitFor(() -> history.samples() >= before + 2);
            List<Growth> growers = history.strongestGrowers(Duration.ofMinutes(1), 3);
            assertTrue(!growers.isEmpty(), "something grew");
            Growth top = growers.getFirst();
            assertTrue(top.region().start() <= address && address < top.region().end(),
                    "the 64 MiB mapping at " + Long.toHexString(address) + " grew most, not " + top.region());
            assertTrue(top.rssDelta() >= 48L << 20, top.describe());
            assertTrue(history.totals().getLast().rss() >= 48L << 20);
            in.close();
            assertTrue(end.await(10, TimeUnit.SECONDS), "the exit ended the sampling");
            assertEquals(ProcFailure.Kind.EXITED, failure.get().kind(), failure.get().message());
            assertTrue(history.samples() >= before + 2, "what was sampled stays");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting for samples");
    }
}
