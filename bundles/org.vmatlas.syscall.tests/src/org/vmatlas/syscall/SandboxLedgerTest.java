package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's accounting, seen through the public {@link Sandbox} API and {@code /proc/self/maps}. */
class SandboxLedgerTest {
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private Sandbox kernel;
    private long p;

    @BeforeEach
    void open() {
        kernel = NativeKernel.open(32L << 20);
        p = kernel.pageSize();
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void theArenaIsReservedAndOwned() {
        Mapping arena = ProcTruth.at(kernel.arenaStart());
        assertEquals(List.of(kernel.arenaStart(), kernel.arenaEnd(), (long) Prot.NONE), List.of(arena.start(), arena.end(), (long) arena.prot()));
        assertEquals(List.of(new AddressRange(kernel.arenaStart(), kernel.arenaEnd())), kernel.ownedRanges());
        assertEquals(kernel.ownedRanges(), kernel.reservedRanges());
        assertEquals(List.of(), kernel.mappings(), "the free reservation is not shown");
    }

    @Test
    void aBusyHintIsPlacedElsewhereAndStaysOwned() {
        long hint = kernel.arenaStart() + 8 * p;
        assertTrue(Sandbox.honoured(hint, kernel.mmap(hint, p, Prot.RW, ANON, -1, 0)));
        SysResult again = kernel.mmap(hint, p, Prot.RW, ANON, -1, 0);
        assertTrue(again.isOk(), again::describe);
        assertFalse(Sandbox.honoured(hint, again));
        assertTrue(kernel.owns(again.value(), p));
        assertEquals(2, kernel.mappings().size(), kernel.mappings()::toString);
    }

    @Test
    void noReplaceOutsideTheLedgerTakesFreeAddressSpace() {
        long free = kernel.mmap(0, 4 * p, Prot.READ, ANON, -1, 0).value();
        assertEquals(SysResult.ok(0), kernel.munmap(free, 4 * p));
        assertFalse(kernel.owns(free, p));
        SysResult r = kernel.mmap(free, 4 * p, Prot.RW, ANON | MapFlags.FIXED_NOREPLACE, -1, 0);
        assertEquals(SysResult.ok(free), r);
        assertTrue(kernel.owns(free, 4 * p));
    }

    @Test
    void freeArenaPagesAnswerAsUnmappedWithoutBecomingAccessible() {
        long page = kernel.arenaStart();
        SysResult r = kernel.mprotect(page, p, Prot.RW);
        assertEquals(Errno.ENOMEM, r.errnoOrNull());
        assertEquals(Errno.ENOMEM, kernel.madvise(page, p, Advice.DONTNEED).errnoOrNull());
        assertEquals(Errno.ENOMEM, kernel.mincore(page, p, new boolean[1]).errnoOrNull());
        assertEquals(Prot.NONE, ProcTruth.at(page).prot());
    }

    @Test
    void aClosedSandboxRefusesAndReleasesItsArena() {
        long start = kernel.arenaStart();
        kernel.close();
        SysResult r = kernel.mmap(0, p, Prot.RW, ANON, -1, 0);
        assertTrue(r instanceof SysResult.Err err && err.refused(), r::describe);
        Mapping now = ProcTruth.at(start);
        assertTrue(now == null || now.start() != start || now.end() != kernel.arenaEnd(), "the arena is unmapped");
    }

    @Test
    void badArenaSizesAreRejectedAtTheDoor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeKernel.open(0));
        assertTrue(e.getMessage().contains("0"), e::getMessage);
    }

    @Test
    void netBsdFlagsAreEinvalOnLinux() {
        long v = kernel.mmap(0, p, Prot.RW, ANON, -1, 0).value();
        assertEquals(Errno.EINVAL, kernel.mremap(v, p, p, RemapFlags.REMAPDUP, 0).errnoOrNull());
        assertEquals(Errno.EINVAL, kernel.mmap(0, p, Prot.mprotectMax(Prot.RWX), ANON, -1, 0).errnoOrNull());
    }
}
