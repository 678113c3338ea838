package org.vmatlas.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/** One test per rule in the package table, each run on the personalities it separates. */
class PersonalityRulesTest {

    static final long P = 4096;
    static final long A = 0x300000000L;
    static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    static List<String> layout(SimulatedKernel k) {
        List<String> out = new ArrayList<>();
        for (Mapping m : k.mappings()) {
            out.add((m.start() - A) / P + "-" + (m.end() - A) / P + " " + Prot.letters(m.prot()) + (m.shared() ? 's' : 'p'));
        }
        return out;
    }

    static SimulatedKernel reserved(Personality personality) {
        SimulatedKernel k = personality.newKernel();
        assertEquals(SysResult.ok(A), k.mmap(A, 4 * P, Prot.NONE, ANON | MapFlags.FIXED, -1, 0));
        return k;
    }

    @Test
    void fixedMapOverMappedRangeReplacesOnLinuxAndNetBsdButFailsOnAix() {
        for (Personality personality : Personality.values()) {
            SimulatedKernel k = reserved(personality);
            SysResult r = k.mmap(A, 2 * P, Prot.RW, ANON | MapFlags.FIXED, -1, 0);
            if (personality == Personality.AIX) {
                assertEquals(Errno.EINVAL, r.errnoOrNull(), "AIX: " + r.describe());
                assertEquals(List.of("0-4 ---p"), layout(k));
            } else {
                assertEquals(SysResult.ok(A), r, personality.name());
                assertEquals(List.of("0-2 rw-p", "2-4 ---p"), layout(k), personality.name());
            }
        }
    }

    @Test
    void sysMapRawCallIsMprotectOnAixOnly() {
        for (Personality personality : Personality.values()) {
            String raw = org.vmatlas.model.internal.RuleSets.of(personality).sysMapCall(A, P).describe();
            assertEquals(personality == Personality.AIX, raw.startsWith("mprotect"), personality + ": " + raw);
        }
        SimulatedKernel aix = reserved(Personality.AIX);
        assertEquals(SysResult.ok(0), aix.mprotect(A, 2 * P, Prot.RW));
        assertEquals(List.of("0-2 rw-p", "2-4 ---p"), layout(aix));
    }

    @Test
    void fixedNoReplaceIsEexistOnLinuxAndUnknownElsewhere() {
        for (Personality personality : Personality.values()) {
            SimulatedKernel k = reserved(personality);
            Errno want = personality == Personality.LINUX ? Errno.EEXIST : Errno.EINVAL;
            assertEquals(want, k.mmap(A, P, Prot.RW, ANON | MapFlags.FIXED_NOREPLACE, -1, 0).errnoOrNull(),
                    personality.name());
        }
    }

    @Test
    void maximumProtectionExistsOnlyOnNetBsd() {
        int prot = Prot.NONE | Prot.mprotectMax(Prot.RW);
        assertEquals(Errno.EINVAL, Personality.LINUX.newKernel().mmap(0, P, prot, ANON, -1, 0).errnoOrNull());
        assertEquals(Errno.EINVAL, Personality.AIX.newKernel().mmap(0, P, prot, ANON, -1, 0).errnoOrNull());
        SimulatedKernel netbsd = Personality.NETBSD.newKernel();
        SysResult at = netbsd.mmap(0, P, prot, ANON, -1, 0);
        assertTrue(at.isOk(), at.describe());
        assertEquals(Prot.RW, netbsd.mappings().get(0).maxProt());
        assertEquals(Errno.EINVAL, netbsd.mmap(0, P, Prot.RX | Prot.mprotectMax(Prot.READ), ANON, -1, 0).errnoOrNull(),
                "plain bits above the maximum");
    }

    @Test
    void mprotectAboveMaximumIsEaccesOnNetBsdAndChangesNothing() {
        SimulatedKernel netbsd = Personality.NETBSD.newKernel();
        long at = netbsd.mmap(A, 2 * P, Prot.NONE | Prot.mprotectMax(Prot.RW), ANON | MapFlags.FIXED, -1, 0).value();
        assertEquals(Errno.EACCES, netbsd.mprotect(at, 2 * P, Prot.RX).errnoOrNull());
        assertEquals(List.of("0-2 ---p"), layout(netbsd));
        assertEquals(SysResult.ok(0), netbsd.mprotect(at, P, Prot.RW));
        assertEquals(List.of("0-1 rw-p", "1-2 ---p"), layout(netbsd));
        SimulatedKernel linux = Personality.LINUX.newKernel();
        linux.mmap(A, 2 * P, Prot.NONE, ANON | MapFlags.FIXED, -1, 0);
        assertEquals(SysResult.ok(0), linux.mprotect(A, 2 * P, Prot.RWX), "Linux has no maximum");
    }

    @Test
    void mprotectOverAHoleIsPartialOnLinuxAndAllOrNothingOnNetBsd() {
        for (Personality personality : List.of(Personality.LINUX, Personality.NETBSD)) {
            SimulatedKernel k = personality.newKernel();
            k.mmap(A, 2 * P, Prot.NONE, ANON | MapFlags.FIXED, -1, 0);
            assertEquals(Errno.ENOMEM, k.mprotect(A, 3 * P, Prot.READ).errnoOrNull());
            assertEquals(personality == Personality.LINUX ? List.of("0-2 r--p") : List.of("0-2 ---p"), layout(k),
                    personality.name());
        }
    }

    @Test
    void mremapFlagsDifferPerSystem() {
        SimulatedKernel aix = reserved(Personality.AIX);
        assertEquals(Errno.ENOSYS, aix.mremap(A, P, 2 * P, RemapFlags.MAYMOVE, 0).errnoOrNull());
        SimulatedKernel netbsd = reserved(Personality.NETBSD);
        assertEquals(Errno.EINVAL, netbsd.mremap(A, P, 2 * P, RemapFlags.MAYMOVE, 0).errnoOrNull());
        SimulatedKernel linux = reserved(Personality.LINUX);
        assertEquals(Errno.EINVAL, linux.mremap(A, P, P, RemapFlags.REMAPDUP, 0).errnoOrNull());
        assertEquals(Errno.ENOENT, netbsd.mremap(A + 10 * P, P, P, RemapFlags.REMAPDUP, 0).errnoOrNull());
    }

    @Test
    void remapDupOfPrivateMemoryWorksOnNetBsdOnly() {
        SimulatedKernel netbsd = Personality.NETBSD.newKernel();
        long rw = netbsd.mmap(0, P, Prot.NONE | Prot.mprotectMax(Prot.RWX), ANON, -1, 0).value();
        long rx = netbsd.mremap(rw, P, P, RemapFlags.REMAPDUP, 0).value();
        assertNotEquals(rw, rx);
        List<Mapping> maps = netbsd.mappings();
        assertEquals(2, maps.size());
        assertEquals(maps.get(0).inode(), maps.get(1).inode(), "both views name one object");
        assertTrue(maps.get(0).inode() != 0);
        SimulatedKernel linux = Personality.LINUX.newKernel();
        long priv = linux.mmap(0, P, Prot.RW, ANON, -1, 0).value();
        assertEquals(Errno.EINVAL, linux.mremap(priv, 0, P, RemapFlags.MAYMOVE, 0).errnoOrNull());
        long shared = linux.mmap(0, P, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0).value();
        assertTrue(linux.mremap(shared, 0, P, RemapFlags.MAYMOVE, 0).isOk());
    }

    @Test
    void forkBreaksPrivateRemapDupPairsOnNetBsdOnly() {
        SimulatedKernel netbsd = Personality.NETBSD.newKernel();
        long rw = netbsd.mmap(0, P, Prot.NONE | Prot.mprotectMax(Prot.RWX), ANON, -1, 0).value();
        long rx = netbsd.mremap(rw, P, P, RemapFlags.REMAPDUP, 0).value();
        netbsd.mprotect(rw, P, Prot.RW);
        netbsd.mprotect(rx, P, Prot.RX);
        ForkResult fork = netbsd.fork();
        assertEquals(1, fork.caveats().size());
        assertTrue(fork.caveats().get(0).contains("W^X pair"), fork.caveats().get(0));
        assertTrue(fork.child().mappings().stream().allMatch(m -> m.inode() == 0), "child views decoupled");
        assertTrue(netbsd.mappings().stream().allMatch(m -> m.inode() == 0), "parent views decoupled");
        assertEquals(2, fork.child().mappings().size());

        SimulatedKernel linux = Personality.LINUX.newKernel();
        long shared = linux.mmap(0, P, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0).value();
        linux.mremap(shared, 0, P, RemapFlags.MAYMOVE, 0);
        ForkResult linuxFork = linux.fork();
        assertTrue(linuxFork.caveats().isEmpty());
        assertEquals(linux.mappings(), linuxFork.child().mappings(), "shared duplicates stay coupled");
    }

    @Test
    void memfdAndLinuxOnlyAdviceAreMissingOnAix() {
        assertEquals(Errno.ENOSYS, Personality.AIX.newKernel().memfdCreate("jit").errnoOrNull());
        assertTrue(Personality.NETBSD.newKernel().memfdCreate("jit").isOk());
        SimulatedKernel aix = reserved(Personality.AIX);
        assertEquals(Errno.EINVAL, aix.madvise(A, P, Advice.FREE).errnoOrNull());
        assertEquals(SysResult.ok(0), aix.madvise(A, P, Advice.DONTNEED));
        SimulatedKernel linux = reserved(Personality.LINUX);
        assertEquals(SysResult.ok(0), linux.madvise(A, P, Advice.FREE));
    }

    @Test
    void sharedArgumentRulesAreTheSameEverywhere() {
        for (Personality personality : Personality.values()) {
            SimulatedKernel k = personality.newKernel();
            assertEquals(Errno.EINVAL, k.mmap(A + 1, P, Prot.RW, ANON | MapFlags.FIXED, -1, 0).errnoOrNull());
            assertEquals(Errno.EINVAL, k.mmap(0, 0, Prot.RW, ANON, -1, 0).errnoOrNull());
            assertEquals(Errno.EINVAL, k.munmap(A, 0).errnoOrNull());
            assertEquals(Errno.ENOMEM, k.mprotect(A, P, Prot.READ).errnoOrNull());
            assertEquals(Errno.ENOMEM, k.madvise(A, P, Advice.WILLNEED).errnoOrNull());
            assertFalse(k.name().isEmpty());
        }
    }
}
