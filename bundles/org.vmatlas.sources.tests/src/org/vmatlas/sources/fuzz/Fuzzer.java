package org.vmatlas.sources.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vmatlas.sources.Printable;

/**
 * Runs one target over {@code count} mutated inputs. A target returns for every documented outcome and lets
 * anything else escape; the first escape stops the run and is kept with the seed that made its input, so
 * {@code -Dvmatlas.fuzz.seed=SEED -Dvmatlas.fuzz.inputs=1} (or {@code bench/run fuzz 1 SEED}) runs that input again.
 */
public final class Fuzzer {

    /** What a target does with one input; throws only for what its entry points do not document. */
    @FunctionalInterface
    public interface Target {
        void run(byte[] input) throws Exception;
    }

    /** A run: inputs tried, time taken, and the first undocumented failure or {@code null}. */
    public record Result(String target, long inputs, long nanos, Failure failure) {

        public String figures() {
            return String.format("%-13s %8d inputs %8.2f s %9.0f inputs/s", target, inputs, nanos / 1e9,
                    inputs / Math.max(1e-9, nanos / 1e9));
        }
    }

    /** An input that made a target throw what it does not document. */
    public record Failure(long seed, byte[] input, Throwable thrown) {

        public String describe(String target) {
            String text = new String(input, 0, Math.min(input.length, 600), StandardCharsets.UTF_8);
            return target + ": seed " + seed + " (rerun: -Dvmatlas.fuzz.seed=" + seed + " -Dvmatlas.fuzz.inputs=1"
                    + " or bench/run fuzz 1 " + seed + ") threw " + thrown + "\ninput (" + input.length + " bytes): "
                    + Printable.escape(text) + "\n" + trace(thrown);
        }

        private static String trace(Throwable t) {
            StringBuilder out = new StringBuilder();
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
            return out.toString();
        }
    }

    private Fuzzer() {
    }

    /** Runs {@code target} on inputs {@code firstSeed, firstSeed + 1, ...}; the seeds themselves go first. */
    public static Result run(String name, List<byte[]> seeds, Target target, long count, long firstSeed) {
        Mutator mutator = new Mutator(seeds);
        long start = System.nanoTime();
        long done = 0;
        for (byte[] seed : seeds) {
            Failure f = attempt(target, seed.clone(), -1);
            if (f != null) {
                return new Result(name, done, System.nanoTime() - start, f);
            }
        }
        for (long i = 0; i < count; i++) {
            long seed = firstSeed + i;
            Failure f = attempt(target, mutator.input(seed), seed);
            done++;
            if (f != null) {
                return new Result(name, done, System.nanoTime() - start, f);
            }
        }
        return new Result(name, done, System.nanoTime() - start, null);
    }

    private static Failure attempt(Target target, byte[] input, long seed) {
        byte[] kept = input.clone();
        try {
            target.run(input);
            return null;
        } catch (Throwable t) {
            return new Failure(seed, kept, t);
        }
    }
}
