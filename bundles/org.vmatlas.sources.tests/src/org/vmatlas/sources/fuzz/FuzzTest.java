package org.vmatlas.sources.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI budget of the fuzz targets: {@value #DEFAULT_INPUTS} mutated inputs each, a third of that for session
 * files (a few seconds each);
 * {@code bench/run fuzz [N] [SEED]} runs many more. {@code -Dvmatlas.fuzz.inputs} and {@code -Dvmatlas.fuzz.seed}
 * change the budget and the first seed; a failure prints the seed of its input.
 */
class FuzzTest {

    static final int DEFAULT_INPUTS = 3000;

    @TempDir
    Path dir;

    private static void check(String name, List<byte[]> seeds, Fuzzer.Target target) {
        check(name, seeds, target, DEFAULT_INPUTS);
    }

    private static void check(String name, List<byte[]> seeds, Fuzzer.Target target, int budget) {
        long inputs = Long.getLong("vmatlas.fuzz.inputs", budget);
        long first = Long.getLong("vmatlas.fuzz.seed", 1);
        Fuzzer.Result result = Fuzzer.run(name, seeds, target, inputs, first);
        System.out.println("fuzz " + result.figures());
        assertNull(result.failure(), () -> result.failure().describe(name));
    }

    @Test
    void straceParserAndReplay() throws Exception {
        check("strace", Targets.straceSeeds(), Targets::strace);
    }

    @Test
    void mapsParserAndSnapshots() throws Exception {
        check("maps", Targets.mapsSeeds(), Targets::maps);
    }

    @Test
    void smapsParser() throws Exception {
        check("smaps", Targets.smapsSeeds(), Targets::smaps);
    }

    @Test
    void scenarioParserAndRunner() {
        check("scenario", Targets.scenarioSeeds(), input -> Targets.scenario(input, 2));
    }

    @Test
    void sessionFiles() throws Exception {
        SessionFileTarget target = new SessionFileTarget(dir);
        check("session-file", target.seeds(), target::run, DEFAULT_INPUTS / 3); // a load opens a session: slower
    }
}
