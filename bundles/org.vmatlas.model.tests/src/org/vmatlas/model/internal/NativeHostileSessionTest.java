package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;

/**
 * A native session fed hostile lengths (zero, one byte, negative, {@code Long.MIN_VALUE}, lengths that wrap
 * or reach past the address space) and {@code mremap} sizes Linux rejects: the Linux rules apply the
 * sandbox's answers, and the model's kernel view still equals {@code kernel.mappings()} every 100 calls.
 */
class NativeHostileSessionTest {
    private static final int CALLS = 20_000;
    private static final Advice[] ADVICE = Advice.values();

    @Test
    void hostileLengthsLeaveTheModelEqualToTheKernel() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox kernel = NativeKernel.open(16L << 20)) {
            SessionImpl session = new SessionImpl("hostile", kernel, Personality.LINUX, 65530, s -> { });
            SplittableRandom random = new SplittableRandom(20261202);
            long p = kernel.pageSize();
            for (int i = 0; i < CALLS; i++) {
                long a = kernel.arenaStart() + random.nextLong(4096) * p + (random.nextInt(32) == 0 ? 1 : 0);
                Event event = session.apply(call(random, a, p, kernel.arenaStart() + random.nextLong(4096) * p), "test");
                if (i % 100 == 99) {
                    assertNull(session.space().differenceFrom(kernel.mappings()), "after call " + i + ": "
                            + event.describe());
                }
            }
            assertEquals(CALLS, session.timeline().size());
        }
    }

    private static Call call(SplittableRandom random, long a, long p, long to) {
        long n = switch (random.nextInt(12)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> -p;
            case 4 -> Long.MIN_VALUE;
            case 5 -> Long.MAX_VALUE;
            case 6 -> -a;
            case 7 -> (1L << 47) - a + p;
            default -> p * (1 + random.nextLong(64)) - (random.nextBoolean() ? 0 : random.nextLong(p));
        };
        long newSize = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> -p;
            case 2 -> 1;
            default -> p * (1 + random.nextLong(64));
        };
        int prot = random.nextInt(8);
        int flags = MapFlags.PRIVATE | MapFlags.ANONYMOUS | (random.nextBoolean() ? MapFlags.FIXED : 0)
                | (random.nextInt(4) == 0 ? MapFlags.NORESERVE : 0);
        return switch (random.nextInt(6)) {
            case 0 -> new Call.Mmap(a, n, prot, flags, -1, 0, null);
            case 1 -> new Call.Munmap(a, n);
            case 2 -> new Call.Mprotect(a, n, prot);
            case 3 -> new Call.Madvise(a, n, ADVICE[random.nextInt(ADVICE.length)]);
            case 4 -> new Call.Mremap(a, n, newSize, RemapFlags.MAYMOVE | RemapFlags.FIXED, to);
            default -> new Call.Mremap(a, n, newSize, random.nextBoolean() ? RemapFlags.MAYMOVE : 0, 0);
        };
    }
}
