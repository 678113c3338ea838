package org.vmatlas.syscall.soak;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.SandboxKernel;
import org.vmatlas.syscall.internal.linux.LinuxCalls;

/**
 * A seeded random walk of hostile calls on a native sandbox of its own, the kind of test that finds
 * holes in its checks: every {@value #CHECK_EVERY} calls the JVM's targeted mappings must be unchanged and
 * the ledger must agree with {@code /proc/self/maps}; independently of the ledger, a guard below the
 * sandbox stops and counts any kernel call that would change a targeted page. Used by the test fragment
 * (a part, in CI) and by {@code bench/run soak} (a million calls, and four walks at once).
 */
public final class RandomWalk {
    /** Calls between two comparisons with the kernel. */
    public static final int CHECK_EVERY = 1000;
    private static final long ARENA = 16L << 20;
    private static final long QUOTA = 32L << 20;

    /**
     * What a walk did.
     *
     * @param calls       calls made on the sandbox
     * @param refusals    calls the sandbox refused for ownership
     * @param kernelCalls calls that reached the kernel, the sandbox's own reservations included
     * @param checks      comparisons with {@code /proc/self/maps}
     * @param breaches    kernel calls the guard stopped because they would have changed a targeted JVM page
     * @param problems    what the comparisons found (at most a few), empty when all agreed
     * @param nanos       time the calls and checks took
     */
    public record Figures(long calls, long refusals, long kernelCalls, long checks, long breaches,
            List<String> problems, long nanos) {

        public double callsPerSecond() {
            return calls * 1e9 / Math.max(1, nanos);
        }
    }

    private RandomWalk() {
    }

    /** Walks {@code calls} calls from {@code seed}, checking every {@value #CHECK_EVERY}; stops at the first disagreement. */
    public static Figures run(long seed, long calls) {
        return run(seed, calls, CHECK_EVERY);
    }

    /** Walks {@code calls} calls from {@code seed}, checking every {@code checkEvery} calls and after the last. */
    public static Figures run(long seed, long calls, long checkEvery) {
        JvmTargets targets = JvmTargets.read();
        LinuxCalls linux = new LinuxCalls();
        GuardedCalls guarded = new GuardedCalls(linux, targets);
        long arena = linux.mmap(0, ARENA, Prot.NONE, SandboxKernel.RESERVE_FLAGS, -1, 0).value();
        List<String> problems = new ArrayList<>();
        long refusals = 0;
        long checks = 0;
        long done = 0;
        long start = System.nanoTime();
        try (SandboxKernel sandbox = new SandboxKernel(guarded, arena, arena + ARENA, "Linux (native, soak)", QUOTA)) {
            int memfd = (int) sandbox.memfdCreate("soak").value();
            sandbox.ftruncate(memfd, 1L << 20);
            HostileCalls hostile = new HostileCalls(seed, sandbox, targets.mappings(), memfd);
            while (done < calls && problems.isEmpty()) {
                SysResult r = hostile.next();
                done++;
                if (r instanceof SysResult.Err err && err.refused()) {
                    refusals++;
                }
                if (done % checkEvery == 0 || done == calls) {
                    checks++;
                    problems.addAll(targets.changes());
                    problems.addAll(ArenaCheck.disagreements(sandbox));
                    if (guarded.breaches.get() > 0) {
                        problems.add("the guard stopped " + guarded.breaches.get() + " kernel calls, first "
                                + guarded.firstBreach);
                    }
                    if (guarded.malformed.get() > 0) {
                        problems.add(guarded.malformed.get() + " kernel calls had an unaligned start or a length"
                                + " Linux rejects, first " + guarded.firstMalformed);
                    }
                    if (!problems.isEmpty()) {
                        problems.addFirst("seed " + seed + ", after call " + done + ":");
                    }
                }
            }
        }
        return new Figures(done, refusals, guarded.kernelCalls.get(), checks, guarded.breaches.get(),
                List.copyOf(problems.subList(0, Math.min(problems.size(), 8))), System.nanoTime() - start);
    }
}
