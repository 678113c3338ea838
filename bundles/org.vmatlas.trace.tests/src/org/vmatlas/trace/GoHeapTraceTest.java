package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.syscall.Prot;
import org.vmatlas.trace.internal.PageRuns;
import org.vmatlas.trace.internal.ProcHost;

/**
 * A Go program that grows its heap, frees it and grows it again, traced live: its arena reserved at Go's first
 * hint, and the runtime's Reserved → Prepared → Ready (and back to Prepared) transitions read from its calls.
 */
class GoHeapTraceTest {

    @TempDir
    Path dir;

    @Test
    void theGoHeapGrowsThroughItsStates() throws Exception {
        Programs.assumePtrace();
        assertTrue(Files.isExecutable(Path.of("/usr/bin/go")), "go is installed by releng/scripts/env.sh (golang-go)");
        Path program = GoHeapProgram.build(Path.of("/usr/bin/go"), dir); // the lesson's own program

        RegionModelServiceImpl models = new RegionModelServiceImpl();
        try (LiveTrace trace = LiveTrace.launch(List.of(program.toString()), dir, models,
                new TraceOptions(Duration.ZERO, false))) {
            BufferedReader said = new BufferedReader(new InputStreamReader(trace.programOutput()));
            for (String phase : List.of("started", "grown", "freed")) {
                assertEquals(phase, said.readLine());
                trace.programInput().write('\n');
                trace.programInput().flush();
            }
            assertEquals("grown again", said.readLine()); // it waits here while the model is checked
            int pid = trace.rootPid();
            Session session = trace.processes().getFirst().session();
            String difference = "strace's lines never caught up";
            for (int i = 0; i < 100 && difference != null; i++) {
                Thread.sleep(100);
                if (trace.caughtUp()) {
                    difference = PageRuns.difference(session.space().kernelView(),
                            ProcHost.user(new ProcReader().maps(pid).value().mappings()));
                }
            }
            assertEquals(null, difference, "the model of the Go program is its kernel's");

            Region arena = session.space().regionAt(0xc000000000L);
            assertNotNull(arena, "the first arena sits at Go's hint 0xc000000000");
            List<Class<?>> steps = new ArrayList<>();
            for (int i = 0; i < session.timeline().size(); i++) {
                Event e = session.timeline().event(i);
                if (e.call() != null && e.call().getClass().getSimpleName().startsWith("Sys")) {
                    steps.add(e.call().getClass());
                }
            }
            int map = steps.indexOf(Call.SysMap.class);
            assertTrue(map >= 0, "a sysMap was read from the calls: " + steps);
            assertEquals(Call.SysUsed.class, steps.get(map + 1), "sysUsed follows sysMap");
            assertTrue(steps.contains(Call.SysUnused.class), "freeing the heap gave pages back (sysUnused): " + steps);
            int sysMapIndex = -1;
            for (int i = 0; i < session.timeline().size() && sysMapIndex < 0; i++) {
                if (session.timeline().event(i).call() instanceof Call.SysMap) {
                    sysMapIndex = i;
                }
            }
            Call.SysMap first = (Call.SysMap) session.timeline().event(sysMapIndex).call();
            assertEquals(RegionState.RESERVED, session.timeline().spaceAfter(sysMapIndex - 1).regionAt(first.address()).state());
            assertEquals(RegionState.PREPARED, session.timeline().spaceAfter(sysMapIndex).regionAt(first.address()).state());
            assertEquals(RegionState.READY, session.timeline().spaceAfter(sysMapIndex + 1).regionAt(first.address()).state());
            long reserved = session.space().regions().stream()
                    .filter(r -> r.start() >= 0xc000000000L && r.state() == RegionState.RESERVED && r.prot() == Prot.NONE)
                    .mapToLong(Region::length).sum();
            assertTrue(reserved > 0, "the arena's unused rest stays Reserved");
            trace.programInput().write('\n');
            trace.programInput().flush();
            assertTrue(said.readLine().startsWith("done"));
            assertTrue(trace.awaitEnd(Duration.ofSeconds(30)));
        }
    }
}
