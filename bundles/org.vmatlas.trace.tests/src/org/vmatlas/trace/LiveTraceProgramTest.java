package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.trace.internal.PageRuns;
import org.vmatlas.trace.internal.ProcHost;

/**
 * Traces a C program made for it (threads, fork, exec, a memfd W^X pair, one deliberate MAP_FIXED over a live
 * allocation) and holds every final model to the kernel's own {@code /proc/PID/maps}, read while the program
 * waits; with reconciling off, so that only traced calls made the models.
 */
class LiveTraceProgramTest {

    @TempDir
    Path dir;

    private final RegionModelServiceImpl models = new RegionModelServiceImpl();

    @Test
    void everyAddressSpaceMatchesTheKernelAndTheTreeIsRight() throws Exception {
        Programs.assumePtrace();
        Path exe = Programs.compile(dir, "traceme", Programs.TRACEME);
        try (LiveTrace trace = LiveTrace.launch(List.of(exe.toString()), dir, models,
                new TraceOptions(Duration.ZERO, false))) {
            BufferedReader out = new BufferedReader(new InputStreamReader(trace.programOutput()));
            Map<String, List<String>> said = new HashMap<>();
            for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
                String[] words = line.split(" ");
                said.computeIfAbsent(words[0], k -> new ArrayList<>()).addAll(List.of(words).subList(1, words.length));
            }
            int root = trace.rootPid();
            int child = Integer.parseInt(said.get("child").getFirst());
            int exec = Integer.parseInt(said.get("exec").getFirst());

            List<TracedProcess> live = awaitModelsMatchKernel(trace, List.of(root, child, exec));
            TracedProcess parent = find(live, root);
            TracedProcess forked = find(live, child);
            TracedProcess cat = find(live, exec);
            assertEquals(0, parent.parent());
            assertEquals(root, forked.parent());
            assertEquals(root, cat.parent());
            assertEquals("cat", cat.command());
            assertTrue(parent.command().endsWith("traceme"), parent.command());
            assertEquals(3, live.size(), "threads are no processes of their own: " + live);
            assertTrue(parent.session() != forked.session() && forked.session() != cat.session());
            assertEquals(java.util.OptionalLong.of(child), forked.session().process(),
                    "a traced address space names its live process, for smaps and residency");
            assertEquals(java.util.OptionalLong.of(root), parent.session().process());
            for (TracedProcess p : live) {
                org.vmatlas.model.Timeline t = p.session().timeline();
                long first = t.event(0).timeNanos();
                long last = t.event(t.size() - 1).timeNanos();
                assertTrue(first > 1_000_000_000_000_000_000L && last >= first && last - first < 120_000_000_000L,
                        "every event of " + p + ", exec and fork snapshots too, is on strace's wall clock: " + first
                                + " .. " + last);
            }

            long clobber = Long.decode(said.get("clobber").getFirst());
            long rw = Long.decode(said.get("wx").get(0));
            long rx = Long.decode(said.get("wx").get(1));
            List<Conflict> red = redMarks(trace.sessions());
            assertTrue(red.stream().anyMatch(c -> c.kind() == ConflictKind.FIXED_REPLACED_LIVE && c.start() == clobber),
                    "the deliberate MAP_FIXED is red: " + red);
            assertTrue(red.stream().anyMatch(c -> c.kind() == ConflictKind.WX_DUPLICATE
                    && c.start() == Math.min(rw, rx)), "the memfd W^X pair is red: " + red);
            List<Conflict> others = red.stream().filter(c -> c.start() != clobber && c.start() != Math.min(rw, rx)).toList();
            assertEquals(List.of(), others, "no red mark but the deliberate ones");

            trace.programInput().write('\n');
            trace.programInput().flush();
            assertEquals("done", out.readLine());
            assertTrue(trace.awaitEnd(Duration.ofSeconds(30)));
            TraceStatus status = trace.status();
            assertFalse(status.running());
            assertEquals("'" + exe + "' (pid " + root + ") exited with 0", status.ended());
            assertEquals(0, status.reconciled(), "reconciling was off");
            assertTrue(trace.processes().stream().allMatch(TracedProcess::exited), trace.processes().toString());
        }
    }

    /** Waits until strace's lines are all recorded, then compares each process's model with its maps. */
    private static List<TracedProcess> awaitModelsMatchKernel(LiveTrace trace, List<Integer> pids) throws Exception {
        ProcReader reader = new ProcReader();
        String difference = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            Thread.sleep(100);
            if (!trace.caughtUp()) {
                continue;
            }
            difference = null;
            for (int pid : pids) {
                TracedProcess p = find(trace.processes(), pid);
                List<Mapping> kernel = ProcHost.user(reader.maps(pid).value().mappings());
                String d = PageRuns.difference(p.session().space().kernelView(), kernel);
                if (d != null) {
                    difference = "pid " + pid + " (" + p.command() + "): " + d;
                    break;
                }
            }
            if (difference == null) {
                return trace.processes();
            }
        }
        throw new AssertionError(difference == null ? "strace's lines never caught up" : difference);
    }

    static TracedProcess find(List<TracedProcess> processes, int pid) {
        TracedProcess found = processes.stream().filter(p -> p.pid() == pid).findFirst().orElse(null);
        assertNotNull(found, "pid " + pid + " is in the tree " + processes);
        return found;
    }

    /** Conflicts, which views mark red (patterns the model recognises are notes, not conflicts). */
    static List<Conflict> redMarks(List<Session> sessions) {
        List<Conflict> red = new ArrayList<>();
        for (Session s : sessions) {
            for (int i = 0; i < s.timeline().size(); i++) {
                Event e = s.timeline().event(i);
                red.addAll(e.conflicts());
            }
        }
        return red;
    }

    @Test
    void aProgramThatIsNoneEndsWithOneSentence() throws Exception {
        Programs.assumePtrace();
        TraceException e = org.junit.jupiter.api.Assertions.assertThrows(TraceException.class,
                () -> LiveTrace.launch(List.of(dir.resolve("nosuch").toString()), dir, models, TraceOptions.DEFAULT));
        assertEquals("cannot run '" + dir.resolve("nosuch") + "': no such program", e.getMessage());
    }
}
