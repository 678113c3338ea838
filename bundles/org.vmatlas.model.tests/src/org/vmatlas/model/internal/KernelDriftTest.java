package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * A native call that fails after the kernel changed pages (Linux unmaps an {@code MREMAP_FIXED} destination
 * before some errors): the model follows the kernel and the event says so, instead of showing pages that
 * are gone.
 */
class KernelDriftTest {
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    /** The native sandbox, except that a fixed mremap unmaps its destination and then fails. */
    private record UnmapsFirst(Sandbox real) implements Kernel {
        @Override
        public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
            if ((flags & RemapFlags.FIXED) == 0) {
                return real.mremap(oldAddress, oldSize, newSize, flags, newAddress);
            }
            real.munmap(newAddress, newSize);
            return SysResult.error(Errno.EINVAL);
        }

        @Override public String name() { return real.name(); }
        @Override public long pageSize() { return real.pageSize(); }
        @Override public SysResult mmap(long a, long n, int p, int f, int fd, long o) { return real.mmap(a, n, p, f, fd, o); }
        @Override public SysResult munmap(long a, long n) { return real.munmap(a, n); }
        @Override public SysResult mprotect(long a, long n, int p) { return real.mprotect(a, n, p); }
        @Override public SysResult madvise(long a, long n, Advice advice) { return real.madvise(a, n, advice); }
        @Override public SysResult mincore(long a, long n, boolean[] out) { return real.mincore(a, n, out); }
        @Override public SysResult memfdCreate(String name) { return real.memfdCreate(name); }
        @Override public SysResult ftruncate(int fd, long n) { return real.ftruncate(fd, n); }
        @Override public SysResult close(int fd) { return real.close(fd); }
        @Override public List<Mapping> mappings() { return real.mappings(); }
        @Override public void close() { real.close(); }
    }

    @Test
    void aFailedRemapThatUnmappedItsDestinationTakesItOutOfTheModel() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox sandbox = NativeKernel.open(16L << 20)) {
            long p = sandbox.pageSize();
            long a = sandbox.arenaStart();
            long b = a + 16 * p;
            SessionImpl session = new SessionImpl("drift", new UnmapsFirst(sandbox), Personality.LINUX, 65530, s -> { });
            session.apply(new Call.Mmap(a, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null), "test");
            session.apply(new Call.Mmap(b, 16 * p, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null), "test");
            Event event = session.apply(new Call.Mremap(a, 0, 16 * p, RemapFlags.MAYMOVE | RemapFlags.FIXED, b), "test");
            assertTrue(event.failed(), event::describe);
            assertNull(session.space().differenceFrom(sandbox.mappings()), "the model follows the kernel");
            assertEquals(1, session.space().size(), session.space().regions()::toString);
            assertTrue(event.conflicts().stream().anyMatch(c -> c.kind() == ConflictKind.CALL_FAILED
                    && c.message().contains("the kernel changed") && c.start() == b), event::describe);
            assertEquals(List.of(b), event.removed().stream().map(r -> r.start()).toList());
        }
    }

    @Test
    void aRemapWithANegativeOldSizeLeavesItsDestinationInTheModelAndTheKernel() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox sandbox = NativeKernel.open(16L << 20)) {
            long p = sandbox.pageSize();
            long a = sandbox.arenaStart();
            long b = a + 64 * p;
            SessionImpl session = new SessionImpl("native", sandbox, Personality.LINUX, 65530, s -> { });
            session.apply(new Call.Mmap(a, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null), "test");
            session.apply(new Call.Mmap(b, 16 * p, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null), "test");
            Event event = session.apply(new Call.Mremap(a, -p, 16 * p, RemapFlags.MAYMOVE | RemapFlags.FIXED, b), "test");
            assertEquals(Errno.EINVAL, event.result().errnoOrNull(), event::describe);
            assertTrue(Sandbox.answeredItself(event.result()), event::describe);
            assertEquals(List.of(a, b), sandbox.mappings().stream().map(Mapping::start).toList());
            assertNull(session.space().differenceFrom(sandbox.mappings()));
        }
    }

    @Test
    void aFailedCallThatChangedNothingLeavesTheModelAlone() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox sandbox = NativeKernel.open(16L << 20)) {
            long p = sandbox.pageSize();
            SessionImpl session = new SessionImpl("no drift", sandbox, Personality.LINUX, 65530, s -> { });
            session.apply(new Call.Mmap(sandbox.arenaStart(), p, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null), "test");
            Event event = session.apply(new Call.Mprotect(sandbox.arenaStart() + 8 * p, p, Prot.READ), "test");
            assertEquals(Errno.ENOMEM, event.result().errnoOrNull());
            assertTrue(event.conflicts().stream().noneMatch(c -> c.message().contains("the kernel changed")));
            assertEquals(List.of(), event.removed());
        }
    }
}
