package org.vmatlas.bench;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * The syscall backend's cost per call against {@code sysbench.c}'s C loops, both in this JVM: the C loops
 * come from {@code libsysbench.so} through FFM, the Java loops go through the {@link Sandbox} (ledger check,
 * lock, FFM downcall, errno capture, result record). The mprotect loops of both sides toggle the same pages.
 * Repetitions interleave C and Java; the table shows ns per operation and the ratio of medians.
 * <p>
 * Usage: {@code SyscallBench <libsysbench.so> [N=100000] [REPS=7]}
 */
public final class SyscallBench {
    private static final int ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS;
    private static final long DUP = 65536;

    private final Sandbox k;
    private final long p;
    private long page;
    private long mid;
    private int fd;

    private SyscallBench(Sandbox k) {
        this.k = k;
        this.p = k.pageSize();
    }

    private interface Loop {
        void run(long n);
    }

    private record Case(String cName, String label, int divisor, Loop java) {
    }

    private static long must(SysResult r, String what) {
        if (!r.isOk()) {
            throw new IllegalStateException(what + ": " + r.describe());
        }
        return r.value();
    }

    /** The same layout as sysbench.c's setup, made through the sandbox inside its arena. */
    private void setUp() {
        long g = k.arenaStart();
        must(k.mmap(g, 3 * p, Prot.READ, ANON | MapFlags.FIXED, -1, 0), "guard b");
        must(k.mprotect(g + p, p, Prot.RW), "page b");
        page = g + p;
        long g2 = k.arenaStart() + 16 * p;
        must(k.mmap(g2, 5 * p, Prot.READ, ANON | MapFlags.FIXED, -1, 0), "guard b2");
        must(k.mprotect(g2 + p, 3 * p, Prot.RW), "region b2");
        mid = g2 + 2 * p;
        fd = (int) must(k.memfdCreate("dup"), "memfd");
        must(k.ftruncate(fd, DUP), "ftruncate");
    }

    private void mmapMunmap(long n) {
        for (long i = 0; i < n; i++) {
            long a = must(k.mmap(0, 4096, Prot.NONE, ANON, -1, 0), "mmap");
            must(k.munmap(a, 4096), "munmap");
        }
    }

    private void mprotectToggle(long n) {
        for (long i = 0; i < n; i++) {
            must(k.mprotect(page, 4096, (i & 1) != 0 ? Prot.NONE : Prot.RW), "mprotect");
        }
    }

    private void mprotectSplit(long n) {
        for (long i = 0; i < n; i++) {
            must(k.mprotect(mid, 4096, (i & 1) != 0 ? Prot.RW : Prot.NONE), "mprotect split");
        }
    }

    private void memfdTwice(long n) {
        for (long i = 0; i < n; i++) {
            long a = must(k.mmap(0, DUP, Prot.RW, MapFlags.SHARED, fd, 0), "mmap memfd 1");
            long b = must(k.mmap(0, DUP, Prot.RW, MapFlags.SHARED, fd, 0), "mmap memfd 2");
            must(k.munmap(a, DUP), "munmap 1");
            must(k.munmap(b, DUP), "munmap 2");
        }
    }

    private void remapDuplicate(long n) {
        for (long i = 0; i < n; i++) {
            long a = must(k.mmap(0, DUP, Prot.RW, MapFlags.SHARED | MapFlags.ANONYMOUS, -1, 0), "mmap shared");
            long b = must(k.mremap(a, 0, DUP, RemapFlags.MAYMOVE, 0), "mremap dup");
            must(k.munmap(a, DUP), "munmap 1");
            must(k.munmap(b, DUP), "munmap 2");
        }
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SyscallBench <libsysbench.so> [N] [REPS]");
        }
        long n = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        CLibrary c = new CLibrary(Path.of(args[0]));
        try (Sandbox k = NativeKernel.open()) {
            SyscallBench bench = new SyscallBench(k);
            bench.setUp();
            c.setPages(bench.page, bench.mid - bench.p);
            List<Case> cases = List.of(
                    new Case("a_mmap4k_munmap", "mmap 4 KiB + munmap", 1, bench::mmapMunmap),
                    new Case("b_mprotect_toggle", "mprotect toggle (no split)", 1, bench::mprotectToggle),
                    new Case("b2_mprotect_split_merge", "mprotect toggle (split 1->3, merge)", 1, bench::mprotectSplit),
                    new Case("c1_memfd_2mmap_2munmap", "memfd map twice + 2 munmap", 4, bench::memfdTwice),
                    new Case("c3_mremap_dup_2munmap", "mremap(old, 0) duplicate + 2 munmap", 4, bench::remapDuplicate));
            System.out.printf("# syscall backend vs C (same JVM, libsysbench.so via FFM); N=%d (c1, c3: N/4), reps=%d, ns/op%n",
                    n, reps);
            System.out.printf("%-38s %8s %8s %8s | %8s %8s %8s | %6s%n", "case", "C min", "C med", "C max", "J min", "J med",
                    "J max", "J/C");
            for (Case bc : cases) {
                int index = c.index(bc.cName());
                long ops = n / bc.divisor();
                c.run(index, ops); // warm-up, both sides
                bc.java().run(ops);
                bc.java().run(ops);
                double[] cs = new double[reps];
                double[] js = new double[reps];
                for (int r = 0; r < reps; r++) {
                    cs[r] = (double) c.run(index, ops) / ops;
                    long t0 = System.nanoTime();
                    bc.java().run(ops);
                    js[r] = (double) (System.nanoTime() - t0) / ops;
                }
                Arrays.sort(cs);
                Arrays.sort(js);
                System.out.printf("%-38s %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f | %6.3f%n", bc.label(), cs[0], cs[reps / 2],
                        cs[reps - 1], js[0], js[reps / 2], js[reps - 1], js[reps / 2] / cs[reps / 2]);
            }
        }
    }

    /** sysbench.c built with {@code -DSB_LIB}, called through FFM. */
    private static final class CLibrary {
        private final MethodHandle name;
        private final MethodHandle run;
        private final MethodHandle setPages;
        private final int count;

        CLibrary(Path library) throws Throwable {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
            MethodHandle setup = linker.downcallHandle(lookup.findOrThrow("sb_setup"), FunctionDescriptor.of(JAVA_INT));
            name = linker.downcallHandle(lookup.findOrThrow("sb_name"), FunctionDescriptor.of(ADDRESS, JAVA_INT));
            run = linker.downcallHandle(lookup.findOrThrow("sb_run"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG));
            setPages = linker.downcallHandle(lookup.findOrThrow("sb_set_pages"),
                    FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));
            count = (int) setup.invokeExact();
        }

        int index(String wanted) throws Throwable {
            for (int i = 0; i < count; i++) {
                MemorySegment text = (MemorySegment) name.invokeExact(i);
                if (text.reinterpret(64).getString(0).equals(wanted)) {
                    return i;
                }
            }
            throw new IllegalStateException("libsysbench.so has no loop named " + wanted);
        }

        long run(int index, long n) throws Throwable {
            return (long) run.invokeExact(index, n);
        }

        void setPages(long page, long region3) throws Throwable {
            setPages.invokeExact(page, region3);
        }
    }
}
