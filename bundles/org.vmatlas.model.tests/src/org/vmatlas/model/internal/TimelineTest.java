package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.RemapFlags;

class TimelineTest {

    static final long P = 4096;
    static final long A = 0x700000000L;

    static List<Call> randomCalls(int count, long seed) {
        Random random = new Random(seed);
        int[] prots = {0, 1, 3, 5};
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long lo = A + random.nextInt(1024) * P;
            long len = (1 + random.nextInt(16)) * P;
            int k = random.nextInt(10);
            calls.add(switch (k) {
                case 0, 1, 2 -> new Call.Mmap(lo, len, prots[random.nextInt(4)],
                        MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, random.nextBoolean() ? "x" : null);
                case 3, 4 -> new Call.Munmap(lo, len);
                case 5, 6 -> new Call.Mprotect(lo, len, prots[random.nextInt(4)]);
                case 7 -> new Call.Madvise(lo, len, Advice.DONTNEED);
                case 8 -> new Call.Mremap(lo, len, len, RemapFlags.MAYMOVE | RemapFlags.FIXED,
                        A + random.nextInt(1024) * P);
                default -> new Call.SysUsed(lo, len);
            });
        }
        return calls;
    }

    static String layout(AddressSpace space) {
        return space.regions().toString();
    }

    /** spaceAfter(i) equals a replay of the first i+1 calls from scratch, at random i (both seek directions). */
    @Test
    void seekEqualsReplayFromScratch() {
        List<Call> calls = randomCalls(3 * TimelineLog.INTERVAL + 500, 11);
        SessionImpl s = new SessionImpl("t", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        for (Call c : calls) {
            s.apply(c);
        }
        Timeline timeline = s.timeline();
        assertEquals(calls.size(), timeline.size());
        Random random = new Random(3);
        List<Integer> points = new ArrayList<>(List.of(-1, 0, TimelineLog.INTERVAL - 1, TimelineLog.INTERVAL,
                calls.size() - 1));
        for (int k = 0; k < 12; k++) {
            points.add(random.nextInt(calls.size()));
        }
        for (int i : points) {
            SessionImpl replay = new SessionImpl("r", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
            for (int j = 0; j <= i; j++) {
                replay.apply(calls.get(j));
            }
            assertEquals(layout(replay.space()), layout(timeline.spaceAfter(i)), "after event " + i);
        }
        assertEquals(layout(s.space()), layout(timeline.spaceAfter(calls.size() - 1)));
        assertTrue(s.space().size() > 20);
    }

    @Test
    void changesBetweenIsTheDifferenceOfTheTwoSpaces() {
        SessionImpl s = new SessionImpl("t", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        s.apply(new Call.Mmap(A, 4 * P, 3, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, null));
        s.apply(new Call.Mprotect(A + P, P, 1));
        s.apply(new Call.Munmap(A + 3 * P, P));
        RegionDiff diff = s.timeline().changesBetween(0, 2);
        assertEquals(1, diff.removed().size());
        assertEquals(A + 4 * P, diff.removed().get(0).end());
        assertEquals(3, diff.added().size());
        assertTrue(s.timeline().changesBetween(1, 1).isEmpty());
    }

    @Test
    void eventsCarryTheirOwnDiff() {
        SessionImpl s = new SessionImpl("t", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        s.apply(new Call.Mmap(A, 3 * P, 3, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, null));
        Event split = s.apply(new Call.Mprotect(A + P, P, 1));
        assertEquals(1, split.removed().size());
        assertEquals(3, split.added().size());
        assertEquals(1, split.sequence());
        assertEquals("api", split.source());
    }
}
