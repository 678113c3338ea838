package org.vmatlas.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.vmatlas.syscall.soak.RandomWalk;

/**
 * The native sandbox under a seeded random walk of hostile calls ({@link RandomWalk}): one walk of a
 * million calls, then four walks at once, each on its own sandbox in the same process (their hints and
 * reservations race for address space). The baseline, measured in the same run, is the same walk checked
 * once at the end instead of every thousand calls, so the table shows what the comparisons with the
 * kernel cost.
 * Exits non-zero when any walk found a disagreement or its guard stopped a call.
 * <p>
 * Usage: {@code SoakBench [CALLS=1000000] [THREADS=4] [SEED=1]}
 */
public final class SoakBench {
    private SoakBench() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        long calls = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        System.out.printf("%-28s %10s %10s %10s %10s %8s %8s %12s%n", "walk", "calls", "calls/s", "refusals",
                "kernel", "checks", "breaches", "problems");
        boolean clean = RandomWalk.run(seed, Math.min(calls, 100_000)).problems().isEmpty(); // warms the JIT for both
        clean &= print("baseline: 1 check at the end", RandomWalk.run(seed, calls, calls));
        clean &= print("1 thread", RandomWalk.run(seed, calls));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<RandomWalk.Figures>> walks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long s = seed + 1 + t;
            walks.add(pool.submit(() -> RandomWalk.run(s, calls)));
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            RandomWalk.Figures f = walks.get(t).get();
            total += f.calls();
            clean &= print(threads + " threads, walk " + (t + 1), f);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-28s %10d %10.0f%n", threads + " threads together", total, total / seconds);
        System.out.println(clean ? "crashes 0, breaches 0, disagreements 0" : "FOUND PROBLEMS");
        System.exit(clean ? 0 : 1);
    }

    private static boolean print(String name, RandomWalk.Figures f) {
        System.out.printf("%-28s %10d %10.0f %10d %10d %8d %8d %12d%n", name, f.calls(), f.callsPerSecond(),
                f.refusals(), f.kernelCalls(), f.checks(), f.breaches(), f.problems().size());
        f.problems().forEach(p -> System.out.println("    " + p));
        return f.problems().isEmpty() && f.breaches() == 0;
    }
}
