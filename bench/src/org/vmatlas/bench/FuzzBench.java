package org.vmatlas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.sources.fuzz.Fuzzer;
import org.vmatlas.sources.fuzz.Mutator;
import org.vmatlas.sources.fuzz.SessionFileTarget;
import org.vmatlas.sources.fuzz.Targets;

/**
 * The fuzz targets of the test suite with a larger budget: N mutated inputs per target (the tests run 3000),
 * from seed SEED on. The baseline, measured in the same run, is the mutator alone: how fast inputs are made,
 * so each target's rate reads as the cost of the code under test. Exits 1 at the first undocumented failure,
 * printing the seed that reproduces it.
 * <p>
 * usage: FuzzBench [N=50000] [SEED=1] [TARGET...] (strace, maps, smaps, scenario, session-file)
 */
public final class FuzzBench {

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Path dir = Files.createTempDirectory("vmatlas-fuzz");
        SessionFileTarget sessions = new SessionFileTarget(dir);
        record Case(String name, List<byte[]> seeds, Fuzzer.Target target) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case("strace", Targets.straceSeeds(), Targets::strace),
                new Case("maps", Targets.mapsSeeds(), Targets::maps),
                new Case("smaps", Targets.smapsSeeds(), Targets::smaps),
                new Case("scenario", Targets.scenarioSeeds(), input -> Targets.scenario(input, 20)),
                new Case("session-file", sessions.seeds(), sessions::run)));
        cases.removeIf(c -> !only.isEmpty() && !only.contains(c.name()));

        System.out.printf("fuzz: %d inputs per target from seed %d%n", n, seed);
        List<byte[]> all = new ArrayList<>();
        cases.forEach(c -> all.addAll(c.seeds()));
        Mutator mutator = new Mutator(all);
        long start = System.nanoTime();
        long bytes = 0;
        for (long i = 0; i < n; i++) {
            bytes += mutator.input(seed + i).length;
        }
        long baseline = System.nanoTime() - start;
        System.out.printf("baseline: the mutator alone %8d inputs %8.2f s %9.0f inputs/s (%.1f KB average)%n", n,
                baseline / 1e9, n / Math.max(1e-9, baseline / 1e9), bytes / 1024.0 / Math.max(1, n));
        int failed = 0;
        for (Case c : cases) {
            Fuzzer.Result result = Fuzzer.run(c.name(), c.seeds(), c.target(), n, seed);
            System.out.println(result.figures());
            if (result.failure() != null) {
                System.out.println(result.failure().describe(c.name()));
                failed++;
            }
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
        System.exit(failed == 0 ? 0 : 1);
    }
}
