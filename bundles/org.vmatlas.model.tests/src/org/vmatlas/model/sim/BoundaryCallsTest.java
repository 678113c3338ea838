package org.vmatlas.model.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * Property: whatever addresses and lengths a caller passes (page boundaries, the top of user space, the
 * upper half, 2^63-1, -1), every personality answers, previews and records without throwing, and its regions
 * stay inside user space. Seeded; the seed of a failing call is in the message.
 */
class BoundaryCallsTest {

    static final long[] VALUES = {0, 1, 4095, 4096, 4097, 0x10000, 0x7f0000000000L, LinuxRules.TASK_SIZE - 4096,
        LinuxRules.TASK_SIZE, LinuxRules.TASK_SIZE + 4096, 0x7fffffffffff0000L, 0x7ffffffffffff000L, Long.MAX_VALUE,
        Long.MIN_VALUE, 0xffffffffffff0000L, -4096, -1, 64 << 10, 1L << 30, 1L << 47};
    static final int CALLS = 4000;

    static long value(SplittableRandom r) {
        long v = VALUES[r.nextInt(VALUES.length)];
        return r.nextInt(4) == 0 ? v + 4096L * (r.nextInt(5) - 2) : v;
    }

    static Call call(SplittableRandom r) {
        int anon = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
        int[] mapFlags = {anon, anon | MapFlags.FIXED, anon | MapFlags.FIXED_NOREPLACE, MapFlags.SHARED
                | MapFlags.ANONYMOUS | MapFlags.FIXED, anon | MapFlags.NORESERVE};
        int[] remapFlags = {0, RemapFlags.MAYMOVE, RemapFlags.MAYMOVE | RemapFlags.FIXED, RemapFlags.MAYMOVE
                | RemapFlags.DONTUNMAP, RemapFlags.REMAPDUP, RemapFlags.FIXED};
        int prot = r.nextInt(8);
        return switch (r.nextInt(11)) {
            case 0, 1 -> new Call.Mmap(value(r), value(r), prot, mapFlags[r.nextInt(mapFlags.length)], -1, 0, null);
            case 2 -> new Call.Munmap(value(r), value(r));
            case 3 -> new Call.Mprotect(value(r), value(r), prot);
            case 4 -> new Call.Mremap(value(r), value(r), value(r), remapFlags[r.nextInt(remapFlags.length)], value(r));
            case 5 -> new Call.Madvise(value(r), value(r), Advice.values()[r.nextInt(Advice.values().length)]);
            case 6 -> new Call.SysReserve(value(r), value(r), "arena");
            case 7 -> new Call.SysMap(value(r), value(r));
            case 8 -> new Call.SysUnused(value(r), value(r));
            case 9 -> new Call.SysFault(value(r), value(r));
            default -> new Call.SysFree(value(r), value(r));
        };
    }

    @Test
    void everyPersonalityAnswersEveryRangeAndStaysInUserSpace() {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        for (Personality p : Personality.values()) {
            Session live = service.openSession("live " + p, p.newKernel());
            Session replay = service.openReplaySession("replay " + p, p);
            for (long seed = 1; seed <= CALLS; seed++) {
                SplittableRandom r = new SplittableRandom(seed);
                Call call = call(r);
                try {
                    live.preview(call);
                    SysResult answer = live.apply(call).result();
                    SysResult recorded = r.nextBoolean() ? answer : SysResult.ok(value(r));
                    replay.record(call, recorded, seed, "seed " + seed);
                } catch (RuntimeException e) {
                    fail(p + " seed " + seed + ": " + call.describe() + " threw " + e, e);
                }
            }
            for (Region region : live.space().regions()) {
                assertTrue(region.start() >= LinuxRules.MIN_ADDRESS && region.end() <= LinuxRules.TASK_SIZE,
                        p + ": " + region);
            }
            for (Region region : replay.space().regions()) {
                assertTrue(region.start() >= 0 && region.end() > region.start(), p + ": " + region);
            }
            replay.timeline().spaceAfter(replay.timeline().size() / 2);
        }
    }
}
