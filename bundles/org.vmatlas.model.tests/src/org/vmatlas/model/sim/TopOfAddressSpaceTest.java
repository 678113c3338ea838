package org.vmatlas.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/** Ranges at and beyond the top of user space are answered with an errno, as Linux answers them, never thrown. */
class TopOfAddressSpaceTest {

    static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    static final long NEAR_TOP = 0x7fffffffffff0000L;
    static final long KERNEL_HALF = 0xffffffffffff0000L;

    static Errno errno(SysResult result) {
        return result instanceof SysResult.Err err ? err.errno() : null;
    }

    @Test
    void fixedMappingsAboveTheTopAreEnomemOnEveryPersonality() {
        for (Personality p : Personality.values()) {
            SimulatedKernel k = p.newKernel();
            assertEquals(Errno.ENOMEM, errno(k.mmap(NEAR_TOP, 64 << 10, Prot.RW, ANON | MapFlags.FIXED, -1, 0)), p.name());
            assertEquals(Errno.ENOMEM, errno(k.mmap(KERNEL_HALF, 64 << 10, Prot.RW, ANON | MapFlags.FIXED, -1, 0)),
                    p + ": above the top, not below vm.mmap_min_addr");
            assertEquals(Errno.ENOMEM, errno(k.mmap(LinuxRules.TASK_SIZE - 4096, 8192, Prot.RW, ANON | MapFlags.FIXED,
                    -1, 0)), p.name());
            assertEquals(SysResult.ok(LinuxRules.TASK_SIZE - 4096), k.mmap(LinuxRules.TASK_SIZE - 4096, 4096, Prot.RW,
                    ANON | MapFlags.FIXED, -1, 0), p + ": the last page is user space");
            assertEquals(Errno.EPERM, errno(k.mmap(0x1000, 4096, Prot.RW, ANON | MapFlags.FIXED, -1, 0)), p.name());
        }
    }

    @Test
    void aHintAboveTheTopIsPlacedElsewhere() {
        SimulatedKernel k = Personality.LINUX.newKernel();
        for (long hint : new long[] {NEAR_TOP, KERNEL_HALF, 0x7fffffffffffffffL, -1L}) {
            SysResult r = k.mmap(hint, 64 << 10, Prot.RW, ANON, -1, 0);
            assertTrue(r.isOk(), r.describe());
            assertTrue(r.value() > 0 && r.value() + (64 << 10) <= LinuxRules.TASK_SIZE, Long.toHexString(r.value()));
        }
    }

    @Test
    void unmapProtectAdviseAndRemapBeyondTheTopAnswerAsLinux() {
        SimulatedKernel k = Personality.LINUX.newKernel();
        assertEquals(Errno.EINVAL, errno(k.munmap(NEAR_TOP, 64 << 10)));
        assertEquals(Errno.EINVAL, errno(k.munmap(0x10000, Long.MAX_VALUE)));
        assertEquals(Errno.ENOMEM, errno(k.mprotect(NEAR_TOP, 64 << 10, Prot.READ)));
        assertEquals(Errno.ENOMEM, errno(k.mprotect(0x10000, Long.MAX_VALUE, Prot.READ)));
        assertEquals(Errno.EINVAL, errno(k.madvise(NEAR_TOP, Long.MAX_VALUE, Advice.DONTNEED)));
        assertEquals(Errno.ENOMEM, errno(k.madvise(NEAR_TOP, 64 << 10, Advice.DONTNEED)));
        long at = k.mmap(0, 4096, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0).value();
        assertEquals(Errno.EINVAL, errno(k.mremap(at, 4096, 4096, RemapFlags.MAYMOVE | RemapFlags.FIXED, NEAR_TOP)));
        assertEquals(Errno.EFAULT, errno(k.mremap(NEAR_TOP, 64 << 10, 4096, RemapFlags.MAYMOVE, 0)));
        assertEquals(Errno.EINVAL, errno(k.mremap(at, 4096, Long.MAX_VALUE, RemapFlags.MAYMOVE, 0)));
        SimulatedKernel bsd = Personality.NETBSD.newKernel();
        assertEquals(Errno.EINVAL, errno(bsd.mremap(NEAR_TOP, 64 << 10, 4096, 0, 0)));
        assertEquals(Errno.ENOMEM, errno(bsd.mprotect(NEAR_TOP, 64 << 10, Prot.READ)));
        assertEquals(1, k.mappings().size());
    }

    @Test
    void aSessionAnswersTheCallsAndItsSpaceStaysReadable() {
        Session s = new RegionModelServiceImpl().openSession("top", Personality.LINUX.newKernel());
        Event e = s.apply(new Call.Mmap(NEAR_TOP, 64 << 10, Prot.RW, ANON | MapFlags.FIXED, -1, 0, null));
        assertEquals(Errno.ENOMEM, errno(e.result()));
        s.apply(new Call.SysReserve(NEAR_TOP, 64 << 10, "arena"));
        s.apply(new Call.SysMap(NEAR_TOP, 64 << 10));
        s.apply(new Call.SysFree(KERNEL_HALF, 64 << 10));
        assertEquals(4, s.timeline().size());
        assertTrue(s.space().regions().stream().allMatch(r -> r.end() <= LinuxRules.TASK_SIZE));
    }

    @Test
    void aRecordedAnswerBeyondTheSpaceChangesNothing() {
        Session s = new RegionModelServiceImpl().openReplaySession("replay", Personality.LINUX);
        s.record(new Call.Mmap(0, 64 << 10, Prot.RW, ANON, -1, 0, null), SysResult.ok(0x7fffffffffffffffL), 1, "log:1");
        s.record(new Call.Mmap(0, 64 << 10, Prot.RW, ANON, -1, 0, null), SysResult.ok(NEAR_TOP), 2, "log:2");
        s.record(new Call.Mmap(0, 64 << 10, Prot.RW, ANON, -1, 0, null), SysResult.ok(KERNEL_HALF), 3, "log:3");
        s.record(new Call.Mremap(0x10000, 0, 4096, RemapFlags.MAYMOVE, 0), SysResult.ok(0x20000), 4, "log:4");
        s.record(new Call.Mremap(0x10000, 4096, 8192, 0, 0), SysResult.ok(0x10000), 5, "log:5");
        s.record(new Call.Mprotect(NEAR_TOP, Long.MAX_VALUE, Prot.READ), SysResult.error(Errno.ENOMEM), 6, "log:6");
        s.record(new Call.SysReserve(0, 64 << 10, "arena"), SysResult.ok(NEAR_TOP), 7, "log:7");
        assertEquals(7, s.timeline().size());
        assertEquals(0, s.space().regions().size());
        assertNotEquals(null, s.timeline().spaceAfter(6));
    }
}
