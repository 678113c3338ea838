package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/** The lesson's Go program: found on the PATH or not, built from the shipped source into a cache, and what it says. */
class GoHeapProgramTest {

    @TempDir
    Path dir;

    @Test
    void goIsFoundOnlyWhereThePathHasIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertNull(GoHeapProgram.findGo(bin + ":/nonexistent"), "a PATH without go");
        assertNull(GoHeapProgram.findGo(null));
        Path notExecutable = Files.writeString(bin.resolve("go"), "#!/bin/sh\n");
        assertNull(GoHeapProgram.findGo(bin.toString()), "a file named go that cannot run is no go");
        notExecutable.toFile().setExecutable(true);
        assertEquals(notExecutable, GoHeapProgram.findGo("/nonexistent::" + bin));
    }

    @Test
    void aGoThatCannotBuildIsSaidWithWhatItPrinted() throws Exception {
        Path fake = dir.resolve("go");
        Files.writeString(fake, "#!/bin/sh\necho 'cannot find package runtime' >&2\nexit 2\n");
        fake.toFile().setExecutable(true);
        Path cache = dir.resolve("cache");
        TraceException e = assertThrows(TraceException.class, () -> GoHeapProgram.build(fake, cache));
        assertTrue(e.getMessage().contains(cache.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("cannot find package runtime"), e.getMessage());
    }

    @Test
    void theShippedProgramBuildsOnceAndRunsThroughItsPhases() throws Exception {
        Path go = GoHeapProgram.findGo(System.getenv("PATH"));
        assertTrue(go != null, "go is installed by releng/scripts/env.sh (golang-go)");
        Path cache = dir.resolve("cache");
        Path program = GoHeapProgram.build(go, cache);
        assertTrue(Files.isExecutable(program), program.toString());
        long built = Files.getLastModifiedTime(program).toMillis();
        Thread.sleep(20);
        assertEquals(program, GoHeapProgram.build(go, cache));
        assertEquals(built, Files.getLastModifiedTime(program).toMillis(), "an unchanged source is not built again");

        Process run = new ProcessBuilder(program.toString()).redirectErrorStream(true).start();
        run.getOutputStream().close(); // no input: it runs through without waiting
        String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of("started", "grown", "freed", "grown again", "done 32"), said.lines().toList());
    }

    @Test
    void theArenaStatesCountOnlyTheGoHeap() {
        RegionModelServiceImpl models = new RegionModelServiceImpl();
        Session session = models.openReplaySession("go", Personality.LINUX);
        long hint = GoHeapProgram.ARENA_HINT;
        session.applySnapshot(List.of(new Mapping(hint - 4096, hint + 4096, Prot.NONE, Prot.RWX, false, 0, 0, 0, ""),
                new Mapping(0x7f0000000000L, 0x7f0000001000L, Prot.READ, Prot.RWX, false, 0, 0, 0, "")), "test");
        Map<RegionState, Long> bytes = GoHeapProgram.arenaStates(session.space());
        assertEquals(Map.of(RegionState.RESERVED, 4096L), bytes, "only the part from the hint up, nothing far above");
    }
}
