package org.vmatlas.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.internal.Attr;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.ObjectTable;
import org.vmatlas.model.internal.RuleSets;
import org.vmatlas.model.internal.SessionImpl;
import org.vmatlas.model.internal.VmaCore;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;

/**
 * The region model against its two baselines on the op stream of {@code bench/baselines/README.md} (1M
 * {@code mmap MAP_FIXED} / {@code munmap} / {@code mprotect} in a 1 GiB arena, 2,204 regions at the end),
 * all in one run with interleaved repetitions: {@code kernelref} (the real kernel, gcc -O2) and
 * {@code VmaModel.java} (a TreeMap model) against the model's core, against the simulated Linux (same core
 * behind the rule set, calls validated and answered), and against a full session (events, diffs,
 * conflicts). Then: seeks in the session's 1M-event timeline, and the heap its events hold.
 * usage: ModelBench TARGET_DIR [REPS=7] [OPS=1000000]
 */
public final class ModelBench {

    static final long ARENA_PAGES = 262144;
    static final long BASE = 0x100000000L;
    static final int[] PROTS = {0, 1, 3, 5};
    private static final Pattern KERNEL = Pattern.compile("-> ([0-9]+) ops/s .* final VMAs in arena ([0-9]+)");

    private static long seed;

    private static long next() {
        long z = (seed += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long rnd(long n) {
        return (next() >>> 1) % n;
    }

    /** Receives the stream's calls in page units. */
    private interface Sink {
        void op(int kind, long lo, long hi, int prot);
    }

    private static void stream(int ops, Sink sink) {
        seed = 42;
        for (int i = 0; i < ops; i++) {
            int op = (int) rnd(10);
            long lo = rnd(ARENA_PAGES);
            long hi = Math.min(lo + 1 + rnd(256), ARENA_PAGES);
            sink.op(op < 4 ? 0 : op < 7 ? 1 : 2, lo, hi, PROTS[(int) rnd(4)]);
        }
    }

    /** The core alone, with the Linux rule for mprotect (applied up to the first hole), the stream inline as in VmaModel. */
    static int runCore(int ops) {
        int[] ids = new int[8];
        for (int p : PROTS) {
            ids[p] = Attrs.intern(new Attr(p, 7, false, Backing.Kind.ANONYMOUS, "", 0, 0, 0, Attr.NORESERVE,
                    p == 0 ? RegionState.RESERVED : RegionState.READY, true, null));
        }
        VmaCore core = new VmaCore();
        seed = 42;
        for (int i = 0; i < ops; i++) {
            int op = (int) rnd(10);
            long lo = rnd(ARENA_PAGES);
            long hi = Math.min(lo + 1 + rnd(256), ARENA_PAGES);
            int prot = PROTS[(int) rnd(4)];
            long l = BASE + (lo << 12);
            long h = BASE + (hi << 12);
            if (op < 4) {
                core.map(l, h, ids[prot]);
            } else if (op < 7) {
                core.unmap(l, h);
            } else {
                core.reprotectRun(l, h, prot);
            }
        }
        return core.size();
    }

    /** The simulated Linux: every call validated, answered and applied by the rule set. */
    static int runSimulated(int ops) {
        VmaCore core = new VmaCore();
        ObjectTable objects = new ObjectTable(false, 1);
        var rules = RuleSets.of(Personality.LINUX);
        int flags = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED | MapFlags.NORESERVE;
        stream(ops, (kind, lo, hi, prot) -> {
            long l = BASE + (lo << 12);
            long len = (hi - lo) << 12;
            rules.call(core, objects, kind == 0 ? new Call.Mmap(l, len, prot, flags, -1, 0, null)
                    : kind == 1 ? new Call.Munmap(l, len) : new Call.Mprotect(l, len, prot));
        });
        return core.size();
    }

    static SessionImpl runSession(int ops) {
        SessionImpl session = new SessionImpl("bench", Personality.LINUX.newKernel(), Personality.LINUX, 1 << 30,
                s -> { });
        int flags = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED | MapFlags.NORESERVE;
        stream(ops, (kind, lo, hi, prot) -> {
            long l = BASE + (lo << 12);
            long len = (hi - lo) << 12;
            session.apply(kind == 0 ? new Call.Mmap(l, len, prot, flags, -1, 0, null)
                    : kind == 1 ? new Call.Munmap(l, len) : new Call.Mprotect(l, len, prot), "bench");
        });
        return session;
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String load = loadAverage();
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        ClassLoader loader = new URLClassLoader(new URL[] {target.resolve("vmamodel").toUri().toURL()});
        Class<?> vmaModel = loader.loadClass("VmaModel");
        Method vmaRun = vmaModel.getDeclaredMethod("run", vmaModel, int.class, byte[].class, int.class);
        vmaRun.setAccessible(true);
        Field vmaMap = vmaModel.getDeclaredField("map");
        vmaMap.setAccessible(true);
        var vmaCtor = vmaModel.getDeclaredConstructor();
        vmaCtor.setAccessible(true);

        double[] kernel = new double[reps];
        double[] tree = new double[reps];
        double[] core = new double[reps];
        double[] sim = new double[reps];
        int kernelRegions = 0;
        int treeRegions = 0;
        int coreRegions = 0;
        int simRegions = 0;
        for (int r = -2; r < reps; r++) {
            Process p = new ProcessBuilder(target.resolve("kernelref").toString(), Integer.toString(ops), "1")
                    .redirectErrorStream(true).start();
            String line;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                line = in.readLine();
            }
            p.waitFor();
            Matcher m = KERNEL.matcher(line == null ? "" : line);
            if (!m.find()) {
                throw new IllegalStateException("kernelref printed: " + line);
            }
            kernelRegions = Integer.parseInt(m.group(2));

            Object model = vmaCtor.newInstance();
            long t0 = System.nanoTime();
            vmaRun.invoke(null, model, ops, null, 0);
            double treeRate = ops / ((System.nanoTime() - t0) / 1e9);
            treeRegions = ((Map<?, ?>) vmaMap.get(model)).size();

            t0 = System.nanoTime();
            coreRegions = runCore(ops);
            double coreRate = ops / ((System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            simRegions = runSimulated(ops);
            double simRate = ops / ((System.nanoTime() - t0) / 1e9);
            if (r >= 0) {
                kernel[r] = Double.parseDouble(m.group(1));
                tree[r] = treeRate;
                core[r] = coreRate;
                sim[r] = simRate;
            }
        }
        System.out.printf(Locale.ROOT, "# op stream: %d ops, %d reps (+2 warm-up), interleaved kernelref / VmaModel / "
                + "core / simulated Linux; load average before: %s, after: %s%n", ops, reps, load, loadAverage());
        System.out.printf(Locale.ROOT, "%-34s %12s %12s %12s %10s%n", "ops/s", "min", "median", "max", "regions");
        row("kernelref.c (real kernel, gcc -O2)", kernel, kernelRegions);
        row("VmaModel.java (TreeMap)", tree, treeRegions);
        row("vmatlas core (VmaCore)", core, coreRegions);
        row("vmatlas simulated Linux (rules)", sim, simRegions);
        System.out.printf(Locale.ROOT, "ratio of medians: core/VmaModel %.2fx, core/kernel %.2fx, simulated/VmaModel "
                + "%.2fx, simulated/kernel %.2fx%n", med(core) / med(tree), med(core) / med(kernel),
                med(sim) / med(tree), med(sim) / med(kernel));
        if (kernelRegions != 2204 || treeRegions != 2204 || coreRegions != 2204 || simRegions != 2204) {
            System.out.println("REGION COUNT MISMATCH: expected 2204 for all");
        }
        sessionFigures(ops);
    }

    private static void sessionFigures(int ops) {
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        long t0 = System.nanoTime();
        SessionImpl session = runSession(ops);
        double rate = ops / ((System.nanoTime() - t0) / 1e9);
        long after = used(rt);
        System.out.printf(Locale.ROOT, "full session (events, diffs, conflicts): %.0f ops/s, %d events, %d regions%n",
                rate, session.timeline().size(), session.space().size());
        System.out.printf(Locale.ROOT, "memory per event: %.1f bytes measured (heap after GC), %.1f bytes packed "
                + "estimate%n", (after - before) / (double) ops, session.timelineBytesPerEvent());
        var timeline = session.timeline();
        Random random = new Random(1);
        int seeks = 1000;
        double[] ms = new double[seeks];
        double[] cpu = new double[seeks];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean[] gcDuring = new boolean[seeks];
        int size = timeline.size();
        used(rt);
        for (int i = -200; i < seeks; i++) {
            int at = random.nextInt(size);
            long gcBefore = gcCount();
            long c0 = threads.getCurrentThreadCpuTime();
            long s0 = System.nanoTime();
            int regions = timeline.spaceAfter(at).size();
            double took = (System.nanoTime() - s0) / 1e6;
            double tookCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            if (regions < 0) {
                throw new IllegalStateException();
            }
            if (i >= 0) {
                ms[i] = took;
                cpu[i] = tookCpu;
                gcDuring[i] = gcCount() != gcBefore;
            }
        }
        int gcHit = 0;
        double[] clean = new double[seeks];
        int c = 0;
        for (int i = 0; i < seeks; i++) {
            if (gcDuring[i]) {
                gcHit++;
            } else {
                clean[c++] = ms[i];
            }
        }
        clean = Arrays.copyOf(clean, c);
        Arrays.sort(ms);
        Arrays.sort(clean);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "timeline seek spaceAfter(random i) in %d events (checkpoint every %d): min %.3f ms, "
                + "median %.3f ms, p99 %.3f ms, max %.3f ms (%d seeks)%n", size,
                org.vmatlas.model.internal.TimelineLog.INTERVAL, ms[0], ms[seeks / 2], ms[seeks * 99 / 100],
                ms[seeks - 1], seeks);
        System.out.printf(Locale.ROOT, "  without the %d seeks a GC ran during: median %.3f ms, p99 %.3f ms, max %.3f ms%n",
                gcHit, clean[c / 2], clean[c * 99 / 100], clean[c - 1]);
        System.out.printf(Locale.ROOT, "  thread CPU time per seek (what the seek itself costs; wall time above includes "
                + "waiting for a core): median %.3f ms, p99 %.3f ms, max %.3f ms%n", cpu[seeks / 2],
                cpu[seeks * 99 / 100], cpu[seeks - 1]);
    }

    private static long gcCount() {
        long count = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += gc.getCollectionCount();
        }
        return count;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long used(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double med(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void row(String name, double[] values, int regions) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %12.0f %12.0f %12.0f %10d%n", name, sorted[0], sorted[sorted.length / 2],
                sorted[sorted.length - 1], regions);
    }
}
