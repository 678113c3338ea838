package org.vmatlas.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;

/**
 * Seed 000 side by side: the Go heap reserves an arena and maps part of it. The naive Linux-style sysMap
 * (mmap MAP_FIXED over the reservation) fails on AIX; the personality's own sysMap (mprotect) works on all.
 */
class SideBySideScenarioTest {

    static final long ARENA = 0x400000000L;
    static final long MIB = 1 << 20;

    @Test
    void goHeapOnEveryPersonality() {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Map<Personality, List<String>> outcome = new EnumMap<>(Personality.class);
        for (Personality personality : Personality.values()) {
            Session s = service.openSession(personality.name(), personality.newKernel());
            List<String> steps = new ArrayList<>();
            steps.add(s.apply(new Call.SysReserve(ARENA, 4 * MIB, "go heap arena")).describe());
            Event naive = s.apply(new Call.Mmap(ARENA, MIB, 3, 2 | 4 | 8, -1, 0, "naive sysMap"));
            steps.add(naive.failed() ? "naive " + naive.result().errnoOrNull().name() : "naive ok");
            Event map = s.apply(new Call.SysMap(ARENA + MIB, MIB));
            steps.add(map.failed() ? "sysMap failed" : "sysMap ok");
            s.apply(new Call.SysUsed(ARENA + MIB, MIB));
            AddressSpace space = s.space();
            steps.add("ready " + space.bytes(RegionState.READY) / MIB + " MiB, reserved "
                    + space.bytes(RegionState.RESERVED) / MIB + " MiB");
            if (personality == Personality.AIX) {
                assertTrue(naive.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.MAP_OVER_MAPPED),
                        naive.conflicts().toString());
            }
            outcome.put(personality, steps);
        }
        assertEquals("naive ok", outcome.get(Personality.LINUX).get(1));
        assertEquals("naive ok", outcome.get(Personality.NETBSD).get(1));
        assertEquals("naive EINVAL", outcome.get(Personality.AIX).get(1));
        for (Personality personality : Personality.values()) {
            assertEquals("sysMap ok", outcome.get(personality).get(2), personality.name());
        }
        assertEquals("ready 1 MiB, reserved 3 MiB", outcome.get(Personality.AIX).get(3),
                "AIX refused the naive map: its first MiB stays reserved");
        assertEquals("ready 2 MiB, reserved 2 MiB", outcome.get(Personality.LINUX).get(3));
        assertEquals(outcome.get(Personality.LINUX), outcome.get(Personality.NETBSD));
    }
}
