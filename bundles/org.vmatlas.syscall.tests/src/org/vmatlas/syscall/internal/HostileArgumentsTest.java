package org.vmatlas.syscall.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.linux.LinuxCalls;

/**
 * Arguments Linux rejects are answered by the sandbox, with Linux's errno and without a kernel call, so
 * that no failing call can unmap a page first; every range a call could change is checked against the
 * ledger whatever else is wrong. The JVM's memory targeted here is still mapped and writable afterwards.
 */
class HostileArgumentsTest {
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private static final int MOVE_TO = RemapFlags.MAYMOVE | RemapFlags.FIXED;
    private static final long SEGMENT = 8L << 20;

    private CountingCalls calls;
    private SandboxKernel sandbox;
    private Arena jvmArena;
    private MemorySegment jvm;
    private long p;
    private long arena;

    @BeforeEach
    void open() {
        LinuxCalls raw = new LinuxCalls();
        p = raw.pageSize();
        long size = 16L << 20;
        arena = raw.mmap(0, size, Prot.NONE, SandboxKernel.RESERVE, -1, 0).value();
        calls = new CountingCalls(raw);
        sandbox = new SandboxKernel(calls, arena, arena + size, "Linux (native, counted)", 1L << 20);
        jvmArena = Arena.ofShared();
        jvm = jvmArena.allocate(SEGMENT, p);
    }

    @AfterEach
    void close() {
        sandbox.close();
        jvmArena.close();
    }

    /** The JVM's segment is still mapped read-write in /proc/self/maps, page by page, and takes writes. */
    private void assertJvmSegmentIntact() {
        long start = jvm.address();
        long end = start + SEGMENT;
        long at = start;
        for (Mapping m : ProcMaps.clip(calls.processMappings(), new long[] { start, end })) {
            assertEquals(at, m.start(), "hole in the JVM's segment at 0x" + Long.toHexString(at));
            assertEquals(Prot.RW, m.prot(), m::toString);
            at = m.end();
        }
        assertEquals(end, at, "the JVM's segment ends early");
        for (long offset = 0; offset < SEGMENT; offset += p) {
            jvm.set(ValueLayout.JAVA_BYTE, offset, (byte) 7);
        }
    }

    private Mapping at(long address) {
        return calls.processMappings().stream().filter(m -> m.start() <= address && address < m.end())
                .findFirst().orElse(null);
    }

    /** Runs {@code call}, asserts it made no kernel call and answered {@code errno}; answers its detail. */
    private String noKernelCall(Errno errno, Supplier<SysResult> call) {
        int before = calls.calls;
        SysResult r = call.get();
        assertEquals(before, calls.calls, () -> "reached the kernel: " + r.describe());
        assertEquals(errno, r.errnoOrNull(), r::describe);
        return ((SysResult.Err) r).detail();
    }

    @Test
    void aNegativeOldSizeDoesNotUnmapAFixedDestinationOfTheJvm() {
        long target = jvm.address();
        String detail = noKernelCall(Errno.EINVAL, () -> sandbox.mremap(arena, -4096, 65536, MOVE_TO, target));
        assertTrue(detail.endsWith(CallChecks.AS_LINUX), detail);
        assertJvmSegmentIntact();
    }

    @Test
    void aForeignFixedDestinationIsRefusedWhateverTheSizes() {
        long a = sandbox.mmap(arena, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0).value();
        long target = jvm.address();
        List<String> answers = new ArrayList<>();
        for (long oldSize : new long[] { p, 0, 1, 3 * p }) {
            int before = calls.calls;
            SysResult r = sandbox.mremap(a, oldSize, 16 * p, MOVE_TO, target);
            if (!(r instanceof SysResult.Err err && err.refused()) || calls.calls != before) {
                answers.add(oldSize + ": " + r.describe());
            }
        }
        assertEquals(List.of(), answers);
        assertJvmSegmentIntact();
    }

    @Test
    void hostileLengthsOnJvmPagesAreAnsweredWithoutAKernelCall() {
        long j = jvm.address();
        noKernelCall(Errno.EINVAL, () -> sandbox.munmap(j, -p));
        noKernelCall(Errno.EINVAL, () -> sandbox.munmap(j, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.munmap(j, Long.MAX_VALUE));
        noKernelCall(Errno.EINVAL, () -> sandbox.munmap(j + 1, p));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mprotect(j, -1, Prot.NONE));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mprotect(j, Long.MIN_VALUE, Prot.NONE));
        noKernelCall(Errno.EINVAL, () -> sandbox.madvise(j, -1, Advice.DONTNEED));
        noKernelCall(Errno.EINVAL, () -> sandbox.madvise(j, 2 * p - j, Advice.DONTNEED));
        noKernelCall(Errno.EINVAL, () -> sandbox.mmap(j, 0, Prot.NONE, ANON | MapFlags.FIXED, -1, 0));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mmap(j, -1, Prot.NONE, ANON | MapFlags.FIXED, -1, 0));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mmap(j, Long.MAX_VALUE - j, Prot.NONE, ANON | MapFlags.FIXED, -1, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.mmap(j + 8, p, Prot.NONE, ANON | MapFlags.FIXED, -1, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(j, 0, 0, RemapFlags.MAYMOVE, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.mincore(j + 1, p, null));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mincore(j, Long.MAX_VALUE, null));
        assertJvmSegmentIntact();
    }

    @Test
    void aZeroLengthMprotectOrMadviseSucceedsWithoutAKernelCall() {
        int before = calls.calls;
        assertEquals(SysResult.ok(0), sandbox.mprotect(jvm.address(), 0, Prot.NONE));
        assertEquals(SysResult.ok(0), sandbox.madvise(jvm.address(), 0, Advice.DONTNEED));
        assertEquals(before, calls.calls);
    }

    @Test
    void mremapFlagsLinuxRejectsAreEinvalBeforeAnyPage() {
        long a = sandbox.mmap(arena, 4 * p, Prot.RW, ANON | MapFlags.FIXED, -1, 0).value();
        long b = arena + 8 * p;
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, p, p, RemapFlags.FIXED, b));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, p, 2 * p, RemapFlags.MAYMOVE | RemapFlags.DONTUNMAP, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, p, p, RemapFlags.DONTUNMAP, 0));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, 2 * p, 2 * p, MOVE_TO, a + p));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, p, p, MOVE_TO, b + 1));
        noKernelCall(Errno.EINVAL, () -> sandbox.mremap(a, p, p, RemapFlags.REMAPDUP, 0));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mremap(a, p, Long.MIN_VALUE, RemapFlags.MAYMOVE, 0));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mremap(a, p, -2 * p, 0, 0));
        assertEquals(Prot.RW, at(a).prot());
    }

    @Test
    void aDuplicateOfJvmPagesIsRefused() {
        int before = calls.calls;
        SysResult r = sandbox.mremap(jvm.address(), 0, 4 * p, RemapFlags.MAYMOVE, 0);
        assertTrue(r instanceof SysResult.Err err && err.refused(), r::describe);
        assertEquals(before, calls.calls);
    }

    @Test
    void hintedMappingsOutsideTheArenaStayWithinTheQuota() {
        int before = calls.calls;
        String detail = noKernelCall(Errno.ENOMEM, () -> sandbox.mmap(0, 2L << 20, Prot.NONE, ANON, -1, 0));
        assertTrue(detail.contains("quota"), detail);
        noKernelCall(Errno.ENOMEM, () -> sandbox.mmap(0, 1L << 45, Prot.NONE, ANON | MapFlags.NORESERVE, -1, 0));
        long out = sandbox.mmap(0, 512L << 10, Prot.RW, ANON, -1, 0).value();
        assertTrue(out < arena || out >= sandbox.arenaEnd());
        noKernelCall(Errno.ENOMEM, () -> sandbox.mmap(0, 768L << 10, Prot.RW, ANON, -1, 0));
        noKernelCall(Errno.ENOMEM, () -> sandbox.mremap(out, 512L << 10, 1536L << 10, RemapFlags.MAYMOVE, 0));
        assertEquals(SysResult.ok(0), sandbox.munmap(out, 512L << 10));
        assertTrue(sandbox.mmap(0, 768L << 10, Prot.RW, ANON, -1, 0).isOk(), "the quota is free again");
        assertTrue(calls.calls > before);
    }

    /**
     * A sandbox over a kernel that unmaps an {@code MREMAP_FIXED} destination and then fails, as Linux
     * before 6.17 does for a duplicate of a private mapping (newer kernels check the source first).
     */
    private SandboxKernel unmappingFirst() {
        sandbox.close();
        LinuxCalls raw = new LinuxCalls();
        arena = raw.mmap(0, 16L << 20, Prot.NONE, SandboxKernel.RESERVE, -1, 0).value();
        calls = new CountingCalls(raw) {
            @Override
            public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
                if ((flags & RemapFlags.FIXED) == 0) {
                    return super.mremap(oldAddress, oldSize, newSize, flags, newAddress);
                }
                calls++;
                real.munmap(newAddress, newSize);
                return SysResult.error(Errno.EINVAL);
            }
        };
        sandbox = new SandboxKernel(calls, arena, arena + (16L << 20), "Linux (native, unmapping first)", 1L << 20);
        return sandbox;
    }

    @Test
    void aFailedRemapThatUnmappedItsArenaDestinationLeavesTheLedgerTrue() {
        SandboxKernel s = unmappingFirst();
        long a = s.mmap(arena, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0).value();
        long b = s.mmap(arena + 16 * p, 16 * p, Prot.RW, ANON | MapFlags.FIXED, -1, 0).value();
        SysResult r = s.mremap(a, 0, 16 * p, MOVE_TO, b);
        assertEquals(Errno.EINVAL, r.errnoOrNull(), r::describe);
        assertTrue(((SysResult.Err) r).detail().contains("although the call failed"), r::describe);
        Mapping atB = at(b);
        assertNotNull(atB, "the arena keeps b's pages reserved");
        assertEquals(Prot.NONE, atB.prot());
        assertEquals(List.of(a), s.mappings().stream().map(Mapping::start).toList());
        assertTrue(s.reservedRanges().stream().anyMatch(x -> x.start() <= b && b + 16 * p <= x.end()));
    }

    @Test
    void aFailedRemapThatUnmappedOwnedPagesOutsideTheArenaReleasesThem() {
        SandboxKernel s = unmappingFirst();
        long a = s.mmap(arena, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0).value();
        long out = s.mmap(0, 4 * p, Prot.RW, ANON, -1, 0).value();
        SysResult r = s.mremap(a, 0, 4 * p, MOVE_TO, out);
        assertEquals(Errno.EINVAL, r.errnoOrNull(), r::describe);
        assertFalse(s.owns(out, p), "the kernel unmapped it: the sandbox owns it no more");
        assertEquals(null, at(out));
        assertEquals(List.of(a), s.mappings().stream().map(Mapping::start).toList());
    }

    @Test
    void mincoreCountsAcrossItsPiecesPageByPage() {
        LinuxCalls raw = new LinuxCalls();
        long pages = LinuxCalls.MINCORE_CHUNK + 3;
        long at = raw.mmap(0, pages * p, Prot.RW, ANON | MapFlags.NORESERVE, -1, 0).value();
        try {
            MemorySegment pagesSeen = MemorySegment.ofAddress(at).reinterpret(pages * p);
            long[] touched = { 0, LinuxCalls.MINCORE_CHUNK - 1, LinuxCalls.MINCORE_CHUNK, pages - 1 };
            for (long page : touched) {
                pagesSeen.set(ValueLayout.JAVA_BYTE, page * p, (byte) 1);
            }
            boolean[] resident = new boolean[(int) pages];
            assertEquals(SysResult.ok(touched.length), raw.mincore(at, pages * p - 1, resident));
            for (long page : touched) {
                assertTrue(resident[(int) page], "page " + page);
            }
            assertFalse(resident[1]);
        } finally {
            raw.munmap(at, pages * p);
        }
    }

    @Test
    void mincoreOfAHugeLengthAllocatesNoHugeBuffer() {
        LinuxCalls raw = new LinuxCalls();
        SysResult r = raw.mincore(jvm.address(), 1L << 44, null);
        assertEquals(Errno.ENOMEM, r.errnoOrNull(), r::describe);
        assertEquals(SysResult.ok(0), raw.mincore(jvm.address(), 0, null));
    }
}
