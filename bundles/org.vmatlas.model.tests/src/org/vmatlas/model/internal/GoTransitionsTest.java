package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

class GoTransitionsTest {

    static final long A = 0x500000000L;
    static final long P = 4096;

    static SessionImpl session(Personality personality) {
        return new SessionImpl("go", personality.newKernel(), personality, 65530, s -> { });
    }

    @Test
    void fullLifecycleOnLinux() {
        SessionImpl s = session(Personality.LINUX);
        Event reserve = s.apply(new Call.SysReserve(A, 8 * P, "go heap arena"));
        assertEquals(A, reserve.result().value());
        Region r = s.space().regionAt(A);
        assertEquals(RegionState.RESERVED, r.state());
        assertFalse(r.stateInferred());
        assertEquals(Prot.NONE, r.prot());
        assertEquals("go heap arena", r.label());

        s.apply(new Call.SysMap(A, 4 * P));
        assertEquals(RegionState.PREPARED, s.space().regionAt(A).state());
        assertEquals(Prot.RW, s.space().regionAt(A).prot());
        assertEquals("go heap arena", s.space().regionAt(A).label(), "label kept through mmap MAP_FIXED");
        assertEquals(RegionState.RESERVED, s.space().regionAt(A + 4 * P).state());

        s.apply(new Call.SysUsed(A, 4 * P));
        assertEquals(RegionState.READY, s.space().regionAt(A).state());
        s.apply(new Call.SysUnused(A, 2 * P));
        assertEquals(RegionState.PREPARED, s.space().regionAt(A).state());
        assertEquals(RegionState.READY, s.space().regionAt(A + 2 * P).state());
        assertEquals(1 + 1, s.space().kernelMapCount(), "RW part one VMA, reservation another");

        s.apply(new Call.SysFault(A, 8 * P));
        assertEquals(RegionState.RESERVED, s.space().regionAt(A).state());
        assertEquals(1, s.space().size());
        s.apply(new Call.SysFree(A, 8 * P));
        assertNull(s.space().regionAt(A), "None: no region at all");
    }

    @Test
    void aixMapsAndFaultsWithMprotect() {
        SessionImpl s = session(Personality.AIX);
        s.apply(new Call.SysReserve(A, 4 * P, "arena"));
        Event map = s.apply(new Call.SysMap(A, 2 * P));
        assertFalse(map.failed(), map.describe());
        assertEquals(RegionState.PREPARED, s.space().regionAt(A).state());
        Event fault = s.apply(new Call.SysFault(A, 2 * P));
        assertFalse(fault.failed(), fault.describe());
        assertEquals(Prot.NONE, s.space().regionAt(A).prot());
        assertEquals(RegionState.RESERVED, s.space().regionAt(A).state());
    }

    @Test
    void wrongStartingStateIsFlagged() {
        SessionImpl s = session(Personality.LINUX);
        s.apply(new Call.SysReserve(A, 4 * P, null));
        Event used = s.apply(new Call.SysUsed(A, 2 * P));
        assertTrue(used.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.BAD_TRANSITION), used.describe());
        assertEquals(RegionState.READY, s.space().regionAt(A).state(), "carried out as Go would");
    }

    @Test
    void rawCallsInferStates() {
        SessionImpl s = session(Personality.LINUX);
        int anon = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        s.apply(new Call.Mmap(A, 4 * P, Prot.NONE, anon, -1, 0, null));
        assertEquals(RegionState.RESERVED, s.space().regionAt(A).state());
        assertTrue(s.space().regionAt(A).stateInferred());
        s.apply(new Call.Mprotect(A, 2 * P, Prot.RW));
        assertEquals(RegionState.READY, s.space().regionAt(A).state());
        s.apply(new Call.Madvise(A, P, Advice.DONTNEED));
        assertEquals(RegionState.PREPARED, s.space().regionAt(A).state());
        assertEquals(RegionState.READY, s.space().regionAt(A + P).state());
        assertEquals(2, s.space().kernelMapCount(), "states differ but the kernel sees RW + NONE");
        long fd = s.apply(new Call.MemfdCreate("file")).result().value();
        s.apply(new Call.Mmap(A + 8 * P, P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, (int) fd, 0, null));
        assertEquals(RegionState.UNKNOWN, s.space().regionAt(A + 8 * P).state());
    }
}
