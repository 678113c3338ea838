package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;

/**
 * The model against the real kernel: 100k random calls inside the sandbox, the Linux rules applied to the
 * kernel's real answers, and the model's kernel view compared with {@code kernel.mappings()} (that is
 * {@code /proc/self/maps}) every 100 calls and at the end. Comparing after every call would read
 * {@code /proc/self/maps} 100k times (minutes); every 100 keeps the test to seconds and still names the
 * window of 100 calls where a difference appeared.
 */
class NativeDifferentialTest {

    private static final int CALLS = 100_000;
    private static final int PAGES = 2048;

    @Test
    void modelMatchesProcSelfMaps() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox kernel = NativeKernel.open()) {
            SessionImpl session = new SessionImpl("native differential", kernel, Personality.LINUX, 65530, s -> { });
            long base = kernel.arenaStart() + (16L << 20);
            Random random = new Random(20261122);
            int[] prots = {Prot.NONE, Prot.READ, Prot.RW, Prot.RX};
            Advice[] advice = Advice.values();
            int failures = 0;
            for (int i = 0; i < CALLS; i++) {
                long lo = base + random.nextInt(PAGES) * 4096L;
                long len = (1 + random.nextInt(32)) * 4096L;
                int prot = prots[random.nextInt(4)];
                int kind = random.nextInt(100);
                int flags = MapFlags.PRIVATE | MapFlags.ANONYMOUS | (random.nextInt(4) == 0 ? MapFlags.NORESERVE : 0);
                Call call;
                if (kind < 30) {
                    call = new Call.Mmap(lo, len, prot, flags | MapFlags.FIXED, -1, 0, null);
                } else if (kind < 35) {
                    call = new Call.Mmap(lo, len, prot, flags, -1, 0, null);
                } else if (kind < 55) {
                    call = new Call.Munmap(lo, len);
                } else if (kind < 80) {
                    call = new Call.Mprotect(lo, len, prot);
                } else if (kind < 90) {
                    call = new Call.Madvise(lo, len, advice[random.nextInt(advice.length)]);
                } else if (kind < 95) {
                    long to = base + random.nextInt(PAGES) * 4096L;
                    call = new Call.Mremap(lo, len, (1 + random.nextInt(32)) * 4096L,
                            RemapFlags.MAYMOVE | RemapFlags.FIXED, to);
                } else {
                    call = new Call.Mremap(lo, len, (1 + random.nextInt(32)) * 4096L,
                            random.nextBoolean() ? RemapFlags.MAYMOVE : 0, 0);
                }
                Event event = session.apply(call, "differential");
                if (event.failed()) {
                    failures++;
                }
                if (i % 100 == 99) {
                    assertNull(session.space().differenceFrom(kernel.mappings()),
                            "after call " + i + " (" + event.describe() + ")");
                }
            }
            assertNull(session.space().differenceFrom(kernel.mappings()), "at the end");
            assertEquals(CALLS, session.timeline().size());
            assertTrue(failures > 0 && failures < CALLS, "some calls fail (ENOMEM, EINVAL), not all: " + failures);
            assertTrue(session.space().size() > 10, "regions left: " + session.space().size());
        }
    }
}
