package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real calls through the sandbox, checked against {@code /proc/self/maps} and the memory itself. */
class NativeOracleTest {
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private Sandbox kernel;
    private long p;
    private long h;

    @BeforeEach
    void open() {
        kernel = NativeKernel.open(64L << 20);
        p = kernel.pageSize();
        h = kernel.arenaStart() + (1L << 20);
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    private static MemorySegment memory(long address, long length) {
        return MemorySegment.ofAddress(address).reinterpret(length);
    }

    private long mapped(long hint, long length, int prot, int flags) {
        SysResult r = kernel.mmap(hint, length, prot, flags, -1, 0);
        assertTrue(r.isOk(), r::describe);
        return r.value();
    }

    @Test
    void mappingAppearsWithItsRangeAndProtection() {
        assertEquals(h, mapped(h, 3 * p, Prot.RW, ANON), "a hint on free arena pages is honoured");
        Mapping m = ProcTruth.at(h);
        assertEquals(List.of(h, h + 3 * p, (long) Prot.RW), List.of(m.start(), m.end(), (long) m.prot()));
        assertFalse(m.shared());
        long v = mapped(0, 3 * p, Prot.READ, ANON);
        Mapping outside = ProcTruth.at(v);
        assertTrue(outside.start() <= v && outside.end() >= v + 3 * p, outside::toString);
        assertEquals(Prot.READ, outside.prot());
    }

    @Test
    void mprotectSplitsTheMiddlePageAndMergesBack() {
        mapped(h, 3 * p, Prot.RW, ANON);
        assertEquals(SysResult.ok(0), kernel.mprotect(h + p, p, Prot.READ));
        List<Mapping> three = ProcTruth.within(h, h + 3 * p);
        assertEquals(3, three.size(), three::toString);
        assertEquals(List.of(Prot.RW, Prot.READ, Prot.RW), three.stream().map(Mapping::prot).toList());
        assertEquals(h + p, three.get(1).start());
        assertEquals(SysResult.ok(0), kernel.mprotect(h + p, p, Prot.RW));
        List<Mapping> one = ProcTruth.within(h, h + 3 * p);
        assertEquals(1, one.size(), one::toString);
        assertEquals(h, one.get(0).start());
        assertEquals(h + 3 * p, one.get(0).end());
    }

    @Test
    void munmapRemovesTheMapping() {
        long v = mapped(0, 2 * p, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        long inode = ProcTruth.at(v).inode();
        assertNotEquals(0, inode, "a shared anonymous mapping has its own inode");
        assertEquals(SysResult.ok(0), kernel.munmap(v, 2 * p));
        assertTrue(ProcTruth.all().stream().noneMatch(m -> m.inode() == inode && m.shared()));
        assertFalse(kernel.owns(v, p), "pages outside the arena leave the ledger");

        mapped(h, 2 * p, Prot.RW, ANON);
        assertEquals(SysResult.ok(0), kernel.munmap(h, 2 * p));
        Mapping reserve = ProcTruth.at(h);
        assertEquals(Prot.NONE, reserve.prot(), "arena pages are reserved again");
        assertTrue(kernel.owns(h, 2 * p));
        assertTrue(kernel.mappings().stream().noneMatch(m -> m.end() > h && m.start() < h + 2 * p));
    }

    @Test
    void munmapOfAnUnalignedAddressIsEinval() {
        long v = mapped(0, p, Prot.RW, ANON);
        SysResult r = kernel.munmap(v + 1, p);
        assertEquals(List.of(Errno.EINVAL, false), List.of(r.errnoOrNull(), ((SysResult.Err) r).refused()));
        assertTrue(((SysResult.Err) r).detail().endsWith("as Linux would, without a kernel call)"), r::describe);
        assertNotNull(ProcTruth.at(v));
    }

    @Test
    void fixedNoReplaceOverATakenPageIsEexist() {
        long v = mapped(0, p, Prot.RW, ANON);
        assertEquals(Errno.EEXIST, kernel.mmap(v, p, Prot.READ, ANON | MapFlags.FIXED_NOREPLACE, -1, 0).errnoOrNull());
        assertEquals(Prot.RW, ProcTruth.at(v).prot());
        Mapping jvm = JvmMappings.libjvmText();
        SysResult r = kernel.mmap(jvm.start(), p, Prot.RW, ANON | MapFlags.FIXED_NOREPLACE, -1, 0);
        assertEquals(new SysResult.Err(Errno.EEXIST, null, false), r, "the kernel, not the sandbox, says no");
        assertEquals(jvm, ProcTruth.at(jvm.start()));
    }

    @Test
    void mremapMovesGrowsFixesAndKeepsWithDontUnmap() {
        long v = mapped(0, p, Prot.RW, ANON);
        memory(v, p).set(ValueLayout.JAVA_INT, 0, 42);
        SysResult grown = kernel.mremap(v, p, 4 * p, RemapFlags.MAYMOVE, 0);
        assertTrue(grown.isOk(), grown::describe);
        long w = grown.value();
        assertEquals(42, memory(w, 4 * p).get(ValueLayout.JAVA_INT, 0));
        assertTrue(ProcTruth.at(w).end() >= w + 4 * p);

        assertEquals(SysResult.ok(h), kernel.mremap(w, 4 * p, 4 * p, RemapFlags.MAYMOVE | RemapFlags.FIXED, h));
        Mapping fixed = ProcTruth.at(h);
        assertEquals(List.of(h, h + 4 * p), List.of(fixed.start(), fixed.end()));
        assertEquals(42, memory(h, p).get(ValueLayout.JAVA_INT, 0));
        assertFalse(kernel.owns(w, p), "the old range outside the arena left the ledger");

        SysResult kept = kernel.mremap(h, 4 * p, 4 * p, RemapFlags.MAYMOVE | RemapFlags.DONTUNMAP, 0);
        assertTrue(kept.isOk(), kept::describe);
        assertEquals(42, memory(kept.value(), p).get(ValueLayout.JAVA_INT, 0), "the pages moved");
        assertEquals(Prot.RW, ProcTruth.at(h).prot(), "the old range stays mapped");
        assertEquals(0, memory(h, p).get(ValueLayout.JAVA_INT, 0), "and reads as fresh zero pages");
    }

    @Test
    void madviseDontNeedZeroesAnonymousPages() {
        long v = mapped(h, 2 * p, Prot.RW, ANON);
        MemorySegment m = memory(v, 2 * p);
        m.fill((byte) 7);
        assertEquals(SysResult.ok(0), kernel.madvise(v, 2 * p, Advice.DONTNEED));
        assertEquals(-1L, m.mismatch(MemorySegment.ofArray(new byte[(int) (2 * p)])), "all zero again");
    }

    @Test
    void mincoreCountsTouchedPages() {
        long v = mapped(h, 8 * p, Prot.RW, ANON);
        boolean[] resident = new boolean[8];
        assertEquals(SysResult.ok(0), kernel.mincore(v, 8 * p, resident));
        for (int page : new int[] { 0, 2, 5 }) {
            memory(v, 8 * p).set(ValueLayout.JAVA_BYTE, page * p, (byte) 1);
        }
        assertEquals(SysResult.ok(3), kernel.mincore(v, 8 * p, resident));
        assertArrayEquals(new boolean[] { true, false, true, false, false, true, false, false }, resident);
    }

    @Test
    void sharedAndPrivateShowAsSAndP() {
        long s = mapped(0, p, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        long q = mapped(h, p, Prot.RW, ANON);
        assertTrue(ProcTruth.at(s).toString().contains("rw-s"), () -> ProcTruth.at(s).toString());
        assertTrue(ProcTruth.at(q).toString().contains("rw-p"), () -> ProcTruth.at(q).toString());
    }
}
