package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

class DuplicatesTest {

    static final long P = 4096;
    static final long A = 0x600000000L;

    @Test
    void memfdMappedTwiceIsOneGroupAndAWxPair() {
        SessionImpl s = new SessionImpl("jit", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        int fd = (int) s.apply(new Call.MemfdCreate("jit")).result().value();
        s.apply(new Call.Ftruncate(fd, 4 * P));
        s.apply(new Call.Mmap(A, 2 * P, Prot.RW, MapFlags.SHARED | MapFlags.FIXED, fd, 0, "jit rw"));
        Event rx = s.apply(new Call.Mmap(A + 8 * P, 2 * P, Prot.RX, MapFlags.SHARED | MapFlags.FIXED, fd, 0, "jit rx"));
        assertTrue(rx.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.WX_DUPLICATE), rx.describe());
        s.apply(new Call.Mmap(A + 16 * P, P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, fd, 3 * P, "other page"));
        List<List<Region>> groups = s.space().duplicateGroups();
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of(A, A + 8 * P), groups.get(0).stream().map(Region::start).toList());
    }

    @Test
    void overlappingOffsetsOnlyCount() {
        SessionImpl s = new SessionImpl("parts", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        int fd = (int) s.apply(new Call.MemfdCreate("parts")).result().value();
        s.apply(new Call.Mmap(A, 2 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, fd, 0, null));
        s.apply(new Call.Mmap(A + 4 * P, 2 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, fd, 2 * P, null));
        assertTrue(s.space().duplicateGroups().isEmpty(), "pages 0-1 and 2-3 do not overlap");
        s.apply(new Call.Mmap(A + 8 * P, 2 * P, Prot.READ, MapFlags.SHARED | MapFlags.FIXED, fd, P, null));
        assertEquals(3, s.space().duplicateGroups().get(0).size(), "page 1-2 links both");
    }

    @Test
    void sharedAnonymousDuplicateByMremapOldSizeZero() {
        SessionImpl s = new SessionImpl("dup", Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { });
        long a = s.apply(new Call.Mmap(0, 2 * P, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0, null))
                .result().value();
        long b = s.apply(new Call.Mremap(a, 0, 2 * P, RemapFlags.MAYMOVE, 0)).result().value();
        assertEquals(List.of(a, b).stream().sorted().toList(),
                s.space().duplicateGroups().get(0).stream().map(Region::start).toList());
    }

    @Test
    void observedMappingsWithSameDeviceAndInodeAreDuplicates() {
        SessionImpl s = new SessionImpl("proc", null, Personality.LINUX, 65530, x -> { });
        s.applySnapshot(List.of(
                new Mapping(A, A + 2 * P, Prot.RW, Prot.RWX, true, 0, 1, 77, "/memfd:jit (deleted)"),
                new Mapping(A + 4 * P, A + 6 * P, Prot.RX, Prot.RWX, true, P, 1, 77, "/memfd:jit (deleted)"),
                new Mapping(A + 8 * P, A + 9 * P, Prot.READ, Prot.RWX, false, 0, 8, 99, "/usr/lib/libc.so.6")), "maps");
        assertEquals(1, s.space().duplicateGroups().size());
        assertEquals(2, s.space().duplicateGroups().get(0).size());
    }
}
