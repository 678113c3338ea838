package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.soak.RandomWalk;

/**
 * The CI part of the soak: 200,000 seeded hostile calls on a native sandbox, half aimed at the JVM's own
 * mappings, compared with {@code /proc/self/maps} every thousand. {@code bench/run soak} walks a million,
 * and four walks at once.
 */
class RandomWalkTest {
    private static final long SEED = 0x5eed_2026L;
    private static final long CALLS = 200_000;

    @Test
    void hostileCallsNeverTouchTheJvmAndTheLedgerAgreesWithTheKernel() {
        RandomWalk.Figures f = RandomWalk.run(SEED, CALLS);
        assertEquals(List.of(), f.problems());
        assertEquals(List.of(CALLS, 0L, CALLS / RandomWalk.CHECK_EVERY), List.of(f.calls(), f.breaches(), f.checks()));
        assertTrue(f.refusals() > 0 && f.kernelCalls() > 0, f::toString);
    }
}
