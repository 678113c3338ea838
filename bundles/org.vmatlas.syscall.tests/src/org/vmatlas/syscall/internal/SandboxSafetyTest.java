package org.vmatlas.syscall.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.linux.LinuxCalls;

/**
 * The JVM's own mappings lie outside the ledger: every changing call on them is refused, no kernel call
 * is made, and the targeted mappings are the same afterwards.
 */
class SandboxSafetyTest {
    private CountingCalls calls;
    private SandboxKernel sandbox;
    private long p;
    private long own;

    @BeforeEach
    void open() {
        LinuxCalls raw = new LinuxCalls();
        p = raw.pageSize();
        long size = 16L << 20;
        long arena = raw.mmap(0, size, Prot.NONE, SandboxKernel.RESERVE, -1, 0).value();
        calls = new CountingCalls(raw);
        sandbox = new SandboxKernel(calls, arena, arena + size, "Linux (native, counted)");
        own = sandbox.mmap(arena, p, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0).value();
    }

    @AfterEach
    void close() {
        sandbox.close();
    }

    private static Mapping find(String what, java.util.function.Predicate<Mapping> test) {
        return maps().stream().filter(test).findFirst().orElseThrow(() -> new AssertionError("no " + what));
    }

    private static List<Mapping> maps() {
        try {
            return ProcMaps.read(Path.of("/proc/self/maps"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Mapping holding(long address) {
        return find("mapping at 0x" + Long.toHexString(address), m -> m.start() <= address && address < m.end());
    }

    private Map<String, Function<Long, SysResult>> attacks() {
        int anon = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
        return Map.of(
                "munmap", s -> sandbox.munmap(s, p),
                "mprotect", s -> sandbox.mprotect(s, p, Prot.NONE),
                "mmap MAP_FIXED", s -> sandbox.mmap(s, p, Prot.RW, anon | MapFlags.FIXED, -1, 0),
                "madvise DONTNEED", s -> sandbox.madvise(s, p, Advice.DONTNEED),
                "mremap source", s -> sandbox.mremap(s, p, 2 * p, RemapFlags.MAYMOVE, 0),
                "mremap duplicate source", s -> sandbox.mremap(s, 0, p, RemapFlags.MAYMOVE, 0),
                "mremap MREMAP_FIXED destination", s -> sandbox.mremap(own, p, p, RemapFlags.MAYMOVE | RemapFlags.FIXED, s));
    }

    @Test
    void jvmMappingsAreRefusedAndUnchanged() {
        Mapping text = find("libjvm.so text", m -> m.path().endsWith("/libjvm.so") && (m.prot() & Prot.EXEC) != 0);
        Mapping stack = find("[stack]", m -> m.path().equals("[stack]"));
        Mapping heap = maps().stream().filter(m -> m.path().isEmpty() && m.prot() == Prot.RW)
                .max(java.util.Comparator.comparingLong(Mapping::length)).orElseThrow();
        List<String> problems = new ArrayList<>();
        for (Mapping target : List.of(text, stack, heap)) {
            long s = target.end() - p; // the stack's top page is certainly mapped, whatever its growth
            for (var attack : attacks().entrySet()) {
                int before = calls.calls;
                SysResult r = attack.getValue().apply(s);
                if (!(r instanceof SysResult.Err err && err.refused())) {
                    problems.add(attack.getKey() + " on " + target + " answered " + r.describe());
                }
                if (calls.calls != before) {
                    problems.add(attack.getKey() + " on " + target + " reached the kernel");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(text, holding(text.end() - p), "libjvm.so text unchanged");
        for (Mapping target : List.of(stack, heap)) {
            Mapping now = holding(target.end() - p);
            assertEquals(List.of(target.prot(), target.path(), target.end()), List.of(now.prot(), now.path(), now.end()));
        }
        assertEquals(499500L, java.util.stream.LongStream.range(0, 1000).boxed().toList().stream()
                .mapToLong(Long::longValue).sum(), "the JVM still runs");
    }

    @Test
    void foreignDescriptorsAreRefused() {
        int before = calls.calls;
        SysResult map = sandbox.mmap(0, p, Prot.READ, MapFlags.SHARED, 1, 0);
        SysResult close = sandbox.close(1);
        SysResult truncate = sandbox.ftruncate(2, 0);
        for (SysResult r : List.of(map, close, truncate)) {
            assertTrue(r instanceof SysResult.Err err && err.refused(), r::describe);
            assertTrue(r.describe().contains("not a memfd this sandbox created"), r::describe);
        }
        assertEquals(before, calls.calls);
    }

    @Test
    void aRangeReachingPastTheArenaIsRefusedNamingTheFirstForeignPage() {
        int before = calls.calls;
        SysResult r = sandbox.munmap(sandbox.arenaEnd() - p, 2 * p);
        assertTrue(r instanceof SysResult.Err err && err.refused(), r::describe);
        assertTrue(r.describe().contains("from 0x" + Long.toHexString(sandbox.arenaEnd())), r::describe);
        assertEquals(before, calls.calls);
        assertTrue(sandbox.owns(sandbox.arenaEnd() - p, p));
    }
}
