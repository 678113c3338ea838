package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Session;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/**
 * A {@code /proc/PID/maps} reading is shown as the kernel's VMAs: two lines stay two regions even when
 * nothing printed tells them apart (libc's {@code r--p} pieces, two anonymous heaps side by side), and the
 * kernel's mapping count is the number of lines.
 */
class ObservedMappingsTest {
    private static final long LIBC = 0x7f0000000000L;
    private static final long K = 1024;

    private static Mapping file(long start, long end, int prot, long offset) {
        return new Mapping(start, end, prot, Prot.RWX, false, offset, 0x0801, 4242, "/usr/lib/x86_64-linux-gnu/libc.so.6");
    }

    private static Mapping anonymous(long start, long end) {
        return new Mapping(start, end, Prot.RW, Prot.RWX, false, 0, 0, 0, "");
    }

    @Test
    void everyLineIsOneRegionAndOneKernelMapping() {
        List<Mapping> maps = List.of(
                file(LIBC, LIBC + 332 * K, Prot.READ, 0),
                file(LIBC + 332 * K, LIBC + 348 * K, Prot.READ, 332 * K), // contiguous offsets, same rights: still apart
                file(LIBC + 348 * K, LIBC + 356 * K, Prot.RW, 348 * K),
                anonymous(LIBC + 356 * K, LIBC + 400 * K),
                anonymous(LIBC + 400 * K, LIBC + 500 * K),
                anonymous(LIBC + 500 * K, LIBC + 600 * K));
        Session session = new RegionModelServiceImpl().openObservedSession("libc");
        session.applySnapshot(maps, "test");
        AddressSpace space = session.space();
        assertEquals(6, space.size(), "one region a line");
        assertEquals(6, space.kernelMapCount(), "the kernel's count is the number of lines");
        for (int i = 0; i < maps.size(); i++) {
            assertEquals(maps.get(i).start(), space.start(i));
            assertEquals(maps.get(i).end(), space.end(i));
        }
        int events = session.timeline().size();
        session.applySnapshot(maps, "test");
        assertEquals(0, session.timeline().event(events).added().size(), "the same reading again changes nothing");
        assertEquals(0, session.timeline().event(events).removed().size());
    }

    @Test
    void linesThatDifferAreApartAnyway() {
        Session session = new RegionModelServiceImpl().openObservedSession("two");
        session.applySnapshot(List.of(file(LIBC, LIBC + 4 * K, Prot.READ, 0), file(LIBC + 4 * K, LIBC + 8 * K, Prot.RX, 4 * K)),
                "test");
        assertEquals(2, session.space().size());
        assertEquals(2, session.space().kernelMapCount());
    }

    @Test
    void theKernelsNamesOfAnonymousMemoryAreKept() {
        Session session = new RegionModelServiceImpl().openObservedSession("names");
        session.applySnapshot(List.of(
                new Mapping(0x555555560000L, 0x555555581000L, Prot.RW, Prot.RWX, false, 0, 0, 0, "[heap]"),
                new Mapping(0x7ffff7fc1000L, 0x7ffff7fc5000L, Prot.READ, Prot.RWX, false, 0, 0, 0, "[vvar]"),
                new Mapping(0x7ffff7fc5000L, 0x7ffff7fc7000L, Prot.RX, Prot.RWX, false, 0, 0, 0, "[vdso]"),
                new Mapping(0x7ffffffde000L, 0x7ffffffff000L, Prot.RW, Prot.RWX, false, 0, 0, 0, "[stack]")), "test");
        AddressSpace space = session.space();
        assertEquals(List.of("[heap]", "[vvar]", "[vdso]", "[stack]"),
                space.regions().stream().map(r -> r.backing().name()).toList());
        assertEquals(org.vmatlas.model.Backing.Kind.ANONYMOUS, space.region(0).backing().kind());
    }

    @Test
    void eachReadingSaysWhatChanged() {
        Session session = new RegionModelServiceImpl().openObservedSession("poll");
        Mapping kept = anonymous(LIBC, LIBC + 4 * K);
        Mapping going = anonymous(LIBC + 64 * K, LIBC + 68 * K);
        Mapping protectedLater = file(LIBC + 128 * K, LIBC + 132 * K, Prot.READ, 0);
        session.applySnapshot(List.of(kept, going, protectedLater), "/proc/42/maps");
        Mapping fresh = anonymous(LIBC + 256 * K, LIBC + 260 * K);
        var event = session.applySnapshot(List.of(kept, file(LIBC + 128 * K, LIBC + 132 * K, Prot.RX, 0), fresh),
                "/proc/42/maps");
        assertEquals("+1 region, \u22121, 1 changed", event.changeSummary());
        assertEquals("/proc/42/maps: +1 region, \u22121, 1 changed", event.describe());
        assertEquals("no change", session.applySnapshot(List.of(kept, file(LIBC + 128 * K, LIBC + 132 * K, Prot.RX, 0),
                fresh), "/proc/42/maps").changeSummary());
    }
}
