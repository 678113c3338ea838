package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.Preview;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

class ConflictsAndPreviewTest {

    static final long P = 4096;
    static final long A = 0x800000000L;
    static final int FIXED = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;

    static SessionImpl linux(int limit) {
        return new SessionImpl("c", Personality.LINUX.newKernel(), Personality.LINUX, limit, s -> { });
    }

    static Conflict only(Event e, ConflictKind kind) {
        List<Conflict> found = e.conflicts().stream().filter(c -> c.kind() == kind).toList();
        assertEquals(1, found.size(), e.describe() + " " + e.conflicts());
        return found.get(0);
    }

    @Test
    void fixedMappingOverLivePagesCountsThem() {
        SessionImpl s = linux(65530);
        s.apply(new Call.Mmap(A, 4 * P, Prot.RW, FIXED, -1, 0, null));
        s.apply(new Call.Mmap(A + 4 * P, 4 * P, Prot.NONE, FIXED, -1, 0, null));
        Conflict c = only(s.apply(new Call.Mmap(A + 2 * P, 4 * P, Prot.READ, FIXED, -1, 0, null)),
                ConflictKind.FIXED_REPLACED_LIVE);
        assertTrue(c.message().contains("replaces 2 live pages"), c.message());
        Event overReservation = s.apply(new Call.Mmap(A + 6 * P, 2 * P, Prot.RW, FIXED, -1, 0, null));
        assertTrue(overReservation.conflicts().isEmpty(), "a reservation holds no live pages");
    }

    @Test
    void mappingAnObjectOverItsOwnSpanReplacesNothingElse() {
        SessionImpl s = linux(65530);
        long fd = s.apply(new Call.MemfdCreate("lib")).result().value();
        s.apply(new Call.Ftruncate((int) fd, 8 * P));
        int shared = MapFlags.SHARED | MapFlags.FIXED;
        // the loader's idiom: reserve the object's whole span, then map its segments over it
        s.apply(new Call.Mmap(A, 8 * P, Prot.READ, shared, (int) fd, 0, null));
        Event segment = s.apply(new Call.Mmap(A + 2 * P, 2 * P, Prot.RX, shared, (int) fd, 2 * P, null));
        assertTrue(segment.conflicts().stream().noneMatch(c -> c.kind() == ConflictKind.FIXED_REPLACED_LIVE),
                segment.conflicts().toString());
        Conflict c = only(s.apply(new Call.Mmap(A + 4 * P, 2 * P, Prot.RW, FIXED, -1, 0, null)),
                ConflictKind.FIXED_REPLACED_LIVE);
        assertTrue(c.message().contains("replaces 2 live pages"), "other memory over the object's pages: " + c.message());
    }

    @Test
    void privateWritableAndExecutableViewsOfOneFileAreNoWxPair() {
        SessionImpl s = linux(65530);
        long fd = s.apply(new Call.MemfdCreate("lib")).result().value();
        s.apply(new Call.Ftruncate((int) fd, 8 * P));
        int fixedPrivate = MapFlags.PRIVATE | MapFlags.FIXED;
        s.apply(new Call.Mmap(A, 4 * P, Prot.RX, fixedPrivate, (int) fd, 0, null));
        Event privateRw = s.apply(new Call.Mmap(A + 8 * P, 4 * P, Prot.RW, fixedPrivate, (int) fd, 0, null));
        assertTrue(privateRw.conflicts().stream().noneMatch(c -> c.kind() == ConflictKind.WX_DUPLICATE),
                "a private writable view copies on write: " + privateRw.conflicts());
        Event sharedRw = s.apply(new Call.Mmap(A + 16 * P, 4 * P, Prot.RW, MapFlags.SHARED | MapFlags.FIXED, (int) fd, 0,
                null));
        only(sharedRw, ConflictKind.WX_DUPLICATE);
    }

    @Test
    void tracedFilesOnOneDescriptorNumberStayApartAndOneFileStaysOne() {
        SessionImpl s = linux(65530);
        int fixedPrivate = MapFlags.PRIVATE | MapFlags.FIXED;
        // a replay: fd 3 was never created here; ld.so reuses it for one library after another
        s.record(new Call.Mmap(A, 4 * P, Prot.RX, fixedPrivate, 3, 0, "/lib/liba.so"), SysResult.ok(A), 1, "trace");
        s.record(new Call.Mmap(A + 8 * P, 4 * P, Prot.RX, fixedPrivate, 3, 0, "/lib/libb.so"), SysResult.ok(A + 8 * P), 2,
                "trace");
        assertTrue(s.space().duplicateGroups().isEmpty(), "two libraries are two objects: " + s.space().duplicateGroups());
        s.record(new Call.Mmap(A + 16 * P, 4 * P, Prot.READ, fixedPrivate, 5, 0, "/lib/liba.so"), SysResult.ok(A + 16 * P),
                3, "trace");
        assertEquals(1, s.space().duplicateGroups().size(), "one file mapped twice shares its pages");
        assertEquals(org.vmatlas.model.Backing.Kind.FILE, s.space().regionAt(A).backing().kind());
        assertEquals("/lib/liba.so", s.space().regionAt(A).backing().name());
    }

    @Test
    void ignoredHintIsGosAddressSpaceConflict() {
        SessionImpl s = linux(65530);
        s.apply(new Call.Mmap(A, 4 * P, Prot.RW, FIXED, -1, 0, null));
        Conflict c = only(s.apply(new Call.Mmap(A, P, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0, null)),
                ConflictKind.HINT_IGNORED);
        assertTrue(c.message().startsWith("address space conflict: map(0x800000000) = 0x"), c.message());
    }

    @Test
    void failedAndRefusedCallsNameTheErrno() {
        SessionImpl s = linux(65530);
        Conflict failed = only(s.apply(new Call.Munmap(A + 1, P)), ConflictKind.CALL_FAILED);
        assertTrue(failed.message().contains("EINVAL (Invalid argument)"), failed.message());
        SessionImpl replay = new SessionImpl("r", null, Personality.LINUX, 65530, x -> { });
        Event refused = replay.record(new Call.Munmap(A, P), SysResult.refused("not owned"), 1, "test");
        assertTrue(only(refused, ConflictKind.REFUSED).message().contains("not owned"));
    }

    @Test
    void writableAndExecutablePage() {
        SessionImpl s = linux(65530);
        only(s.apply(new Call.Mmap(A, 2 * P, Prot.RWX, FIXED, -1, 0, null)), ConflictKind.WRITE_AND_EXEC);
    }

    @Test
    void observedWritableExecutablePagesAreFlaggedWhenTheyAppearNotOnEveryPoll() {
        SessionImpl s = new SessionImpl("proc", null, Personality.LINUX, 65530, x -> { });
        var jit = List.of(new org.vmatlas.syscall.Mapping(A, A + 2 * P, Prot.RWX, Prot.RWX, false, 0, 0, 0, ""));
        only(s.applySnapshot(jit, "poll"), ConflictKind.WRITE_AND_EXEC);
        assertTrue(s.applySnapshot(jit, "poll").conflicts().isEmpty(), "unchanged: no new conflict");
    }

    @Test
    void aboveMaximumOnNetBsd() {
        SessionImpl s = new SessionImpl("n", Personality.NETBSD.newKernel(), Personality.NETBSD, 65530, x -> { });
        s.apply(new Call.Mmap(A, P, Prot.NONE | Prot.mprotectMax(Prot.RW), FIXED, -1, 0, null));
        Event e = s.apply(new Call.Mprotect(A, P, Prot.RX));
        assertEquals(Errno.EACCES, e.result().errnoOrNull());
        assertTrue(only(e, ConflictKind.ABOVE_MAX_PROT).message().contains("x"));
    }

    @Test
    void mapCountNearTheLimitWarnsOnceWhenCrossing() {
        SessionImpl s = linux(100);
        int warnings = 0;
        for (int i = 0; i < 95; i++) {
            Event e = s.apply(new Call.Mmap(A + 2 * i * P, P, Prot.READ, FIXED, -1, 0, null));
            warnings += (int) e.conflicts().stream().filter(c -> c.kind() == ConflictKind.MAP_COUNT_NEAR_LIMIT).count();
            if (i == 89) {
                assertEquals(1, warnings, "warned at 90 mappings, 90% of 100");
            }
        }
        assertEquals(1, warnings);
        assertEquals(65530 > 0, RegionModelServiceImpl.readMaxMapCount() > 0);
    }

    @Test
    void previewChangesNothingAndPredicts() {
        SessionImpl s = linux(65530);
        s.apply(new Call.Mmap(A, 8 * P, Prot.RW, FIXED, -1, 0, null));
        String before = s.space().regions().toString();
        int events = s.timeline().size();
        Preview unmap = s.preview(new Call.Munmap(A + 2 * P, 2 * P));
        assertTrue(unmap.result().isOk());
        assertEquals(2, unmap.evictedPages());
        assertEquals(1, unmap.regionsSplit());
        assertEquals(2, unmap.mapCountAfter());
        Preview protect = s.preview(new Call.Mprotect(A + 2 * P, 2 * P, Prot.RWX));
        assertEquals(1, protect.regionsSplit(), "one region cut in three");
        assertEquals(3, protect.mapCountAfter());
        assertTrue(protect.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.WRITE_AND_EXEC));
        Preview aix = new SessionImpl("a", Personality.AIX.newKernel(), Personality.AIX, 65530, x -> { })
                .preview(new Call.SysReserve(A, P, null));
        assertTrue(aix.result().isOk(), aix.summary());
        assertEquals(before, s.space().regions().toString());
        assertEquals(events, s.timeline().size());
        assertFalse(unmap.summary().isEmpty());
    }
}
