package org.vmatlas.syscall.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;

/**
 * The behaviour every {@link Kernel} with Linux's rules must show, checked after every call twice: against
 * the mappings the case expects, and against {@link #truth} (what the kernel or simulation really holds).
 * Addresses are page offsets from {@link #base}, inside a 64 MiB window that the kernel owns and that is
 * free when a case starts. A personality whose rules differ (AIX, NetBSD) overrides the cases that differ.
 */
public abstract class KernelContractTest {
    protected static final long WINDOW = 64L << 20;
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    protected Kernel kernel;
    protected long p;
    protected long b;

    /** A new kernel for one case. */
    protected abstract Kernel newKernel();

    /**
     * The kernel's real mappings as vmatlas shows them (free sandbox reservation left out), from a source
     * the kernel's {@link Kernel#mappings()} did not compute: {@code /proc/self/maps} for the native kernel, a
     * {@link ReferenceModel} fed through a {@link RecordingKernel} for a simulated one. Returning
     * {@code k.mappings()} would make the second check of {@link #expect} repeat the first.
     */
    protected abstract List<Mapping> truth(Kernel k);

    /** A free, owned, page-aligned area of at least {@link #WINDOW} bytes. */
    protected abstract long base(Kernel k);

    @BeforeEach
    void open() {
        kernel = newKernel();
        p = kernel.pageSize();
        b = base(kernel);
        assertEquals(0, b % p, "base must be page aligned");
        expect();
    }

    @AfterEach
    void release() {
        kernel.close();
    }

    protected long at(long pages) {
        return b + pages * p;
    }

    /** Maps {@code [from, to)} pages at a fixed place and checks the answer. */
    protected void map(long from, long to, int prot, int flags) {
        assertEquals(SysResult.ok(at(from)), kernel.mmap(at(from), (to - from) * p, prot, flags | MapFlags.FIXED, -1, 0));
    }

    /** Expected window contents, each {@code "from-to perms"} in pages, e.g. {@code "0-4 rw-p"}. */
    protected void expect(String... lines) {
        List<String> want = List.of(lines);
        assertEquals(want, describe(kernel.mappings()), "kernel.mappings()");
        assertEquals(want, describe(truth(kernel)), "truth");
    }

    private List<String> describe(List<Mapping> mappings) {
        List<String> out = new ArrayList<>();
        for (Mapping m : mappings) {
            if (m.end() > b && m.start() < b + WINDOW) {
                long s = Math.max(m.start(), b);
                long e = Math.min(m.end(), b + WINDOW);
                out.add((s - b) / p + "-" + (e - b) / p + " " + Prot.letters(m.prot()) + (m.shared() ? 's' : 'p'));
            }
        }
        return out;
    }

    protected static void assertErrno(Errno expected, SysResult result) {
        assertEquals(expected, result.errnoOrNull(), () -> "expected " + expected.name() + ", got " + result.describe());
    }

    @Test
    void mapAndUnmapSplits() {
        map(0, 4, Prot.RW, ANON);
        expect("0-4 rw-p");
        assertEquals(SysResult.ok(0), kernel.munmap(at(1), p));
        expect("0-1 rw-p", "2-4 rw-p");
        assertEquals(SysResult.ok(0), kernel.munmap(at(0), 4 * p));
        expect();
    }

    @Test
    void protectMiddleSplitsAndMergesBack() {
        map(0, 3, Prot.RW, ANON);
        assertEquals(SysResult.ok(0), kernel.mprotect(at(1), p, Prot.READ));
        expect("0-1 rw-p", "1-2 r--p", "2-3 rw-p");
        assertEquals(SysResult.ok(0), kernel.mprotect(at(1), p, Prot.RW));
        expect("0-3 rw-p");
    }

    @Test
    void neighboursMergeOnlyWhenAlike() {
        map(0, 2, Prot.RW, ANON);
        map(2, 4, Prot.RW, ANON);
        expect("0-4 rw-p");
        map(4, 5, Prot.READ, ANON);
        expect("0-4 rw-p", "4-5 r--p");
        assertEquals(SysResult.ok(0), kernel.mprotect(at(4), p, Prot.RW));
        expect("0-5 rw-p");
    }

    @Test
    void fixedReplacesWhatIsThere() {
        map(0, 4, Prot.RW, ANON);
        map(1, 3, Prot.READ, ANON);
        expect("0-1 rw-p", "1-3 r--p", "3-4 rw-p");
    }

    @Test
    void fixedNoReplaceFailsOverMappingAndSucceedsOnFree() {
        map(0, 2, Prot.RW, ANON);
        assertErrno(Errno.EEXIST, kernel.mmap(at(1), 2 * p, Prot.READ, ANON | MapFlags.FIXED_NOREPLACE, -1, 0));
        expect("0-2 rw-p");
        assertEquals(SysResult.ok(at(3)), kernel.mmap(at(3), p, Prot.READ, ANON | MapFlags.FIXED_NOREPLACE, -1, 0));
        expect("0-2 rw-p", "3-4 r--p");
    }

    @Test
    void hintOnFreePagesIsHonoured() {
        assertEquals(SysResult.ok(at(5)), kernel.mmap(at(5), 2 * p, Prot.RW, ANON, -1, 0));
        expect("5-7 rw-p");
    }

    @Test
    void remapGrowsInPlaceShrinksAndMoves() {
        map(0, 2, Prot.RW, ANON);
        assertEquals(SysResult.ok(at(0)), kernel.mremap(at(0), 2 * p, 4 * p, 0, 0));
        expect("0-4 rw-p");
        assertEquals(SysResult.ok(at(0)), kernel.mremap(at(0), 4 * p, p, 0, 0));
        expect("0-1 rw-p");
        assertEquals(SysResult.ok(at(8)), kernel.mremap(at(0), p, 2 * p, RemapFlags.MAYMOVE | RemapFlags.FIXED, at(8)));
        expect("8-10 rw-p");
    }

    @Test
    void remapCannotGrowIntoANeighbourWithoutMaymove() {
        map(0, 1, Prot.RW, ANON);
        map(1, 2, Prot.READ, ANON);
        assertErrno(Errno.ENOMEM, kernel.mremap(at(0), p, 2 * p, 0, 0));
        expect("0-1 rw-p", "1-2 r--p");
        SysResult moved = kernel.mremap(at(0), p, 2 * p, RemapFlags.MAYMOVE, 0);
        assertTrue(moved.isOk(), moved::describe);
        expect("1-2 r--p");
        long to = moved.value();
        assertTrue(kernel.mappings().stream().anyMatch(m -> m.start() <= to && m.end() >= to + 2 * p),
                () -> "the moved mapping at 0x" + Long.toHexString(to) + " is listed");
    }

    @Test
    void remapDontUnmapKeepsTheOldRange() {
        map(0, 2, Prot.RW, ANON);
        int flags = RemapFlags.MAYMOVE | RemapFlags.FIXED | RemapFlags.DONTUNMAP;
        assertEquals(SysResult.ok(at(10)), kernel.mremap(at(0), 2 * p, 2 * p, flags, at(10)));
        expect("0-2 rw-p", "10-12 rw-p");
    }

    @Test
    void sharedAndPrivateStayApart() {
        map(0, 2, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        map(2, 4, Prot.RW, ANON);
        expect("0-2 rw-s", "2-4 rw-p");
    }

    @Test
    void sharedDuplicateWithOldSizeZero() {
        map(0, 2, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS);
        assertEquals(SysResult.ok(at(4)),
                kernel.mremap(at(0), 0, 2 * p, RemapFlags.MAYMOVE | RemapFlags.FIXED, at(4)));
        expect("0-2 rw-s", "4-6 rw-s");
    }

    @Test
    void argumentErrorsAreValues() {
        map(0, 2, Prot.RW, ANON);
        assertErrno(Errno.EINVAL, kernel.munmap(at(0) + 1, p));
        assertErrno(Errno.EINVAL, kernel.munmap(at(0), 0));
        assertErrno(Errno.EINVAL, kernel.mmap(at(4), 0, Prot.RW, ANON | MapFlags.FIXED, -1, 0));
        assertErrno(Errno.EINVAL, kernel.mmap(at(4) + 8, p, Prot.RW, ANON | MapFlags.FIXED, -1, 0));
        assertErrno(Errno.EINVAL, kernel.mprotect(at(0) + 8, p, Prot.READ));
        assertErrno(Errno.EINVAL, kernel.mremap(at(0) + 8, p, 2 * p, 0, 0));
        assertErrno(Errno.EINVAL, kernel.mremap(at(0), p, p, RemapFlags.FIXED, at(8)));
        expect("0-2 rw-p");
    }

    @Test
    void unmappedPagesAnswerLikeLinux() {
        assertEquals(SysResult.ok(0), kernel.munmap(at(20), 4 * p), "munmap of nothing succeeds on Linux");
        assertErrno(Errno.ENOMEM, kernel.mprotect(at(20), p, Prot.READ));
        assertErrno(Errno.EFAULT, kernel.mremap(at(20), p, 2 * p, RemapFlags.MAYMOVE, 0));
        expect();
    }
}
