package org.vmatlas.sources.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.syscall.Mapping;

/**
 * Real logs made here with the installed strace, replayed into the model. A traced python3 blocks on its
 * input while the test reads its /proc/PID/maps: the replayed state must equal that on every page a traced
 * call made (the executable, ld.so, stack, vdso and vvar come from execve, which strace's memory class omits).
 */
class StraceReplayTest {

    private static final long PAGE = 4096;

    /** Maps, unmaps, advises, then blocks reading stdin: while it waits, its maps are its state after the traced calls. */
    static final String SCRIPT = """
            import os, sys, mmap, ctypes
            keep = [mmap.mmap(-1, (i + 1) * 65536) for i in range(5)]
            big = bytearray(50_000_000)
            keep[2].madvise(mmap.MADV_DONTNEED)
            keep[3].close()
            libc = ctypes.CDLL(None)
            os.write(1, b'ready\\n')
            sys.stdin.buffer.read(1)
            os._exit(0)
            """;

    @TempDir
    Path dir;

    private final RegionModelServiceImpl service = new RegionModelServiceImpl();

    static void assumeTools() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace")), "needs strace (apt-get install strace)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        // a container may forbid ptrace even to root: then there is nothing to trace, not a failure
        Process probe = new ProcessBuilder("/usr/bin/strace", "-o", "/dev/null", "/bin/true").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0,
                "strace may not trace here (ptrace not permitted)");
    }

    private Path trace(String options, Path out, String... command) throws Exception {
        Process p = start(options, out, command);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return dir.resolve("trace.log");
    }

    private Process start(String options, Path out, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/strace"));
        cmd.addAll(List.of(options.split(" ")));
        cmd.addAll(List.of("-o", dir.resolve("trace.log").toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (out != null) {
            builder.redirectOutput(out.toFile());
        }
        return builder.start();
    }

    /** Waits until the traced process sits in {@code read(0, ...)} ({@code /proc/PID/syscall} starts with "0 0x0 "). */
    private static void awaitBlockedOnStdin(long pid) throws Exception {
        Path syscall = Path.of("/proc", Long.toString(pid), "syscall");
        for (int i = 0; i < 1000; i++) {
            if (Files.exists(syscall) && Files.readString(syscall).startsWith("0 0x0 ")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never blocked reading its input");
    }

    @Test
    void replayEqualsTheMapsOfTheTracedProcess() throws Exception {
        assumeTools();
        Process strace = start("-f -tt -e trace=memory,openat,read", null, "/usr/bin/python3", "-c", SCRIPT);
        MapsSnapshot real;
        try {
            assertEquals('r', strace.getInputStream().read(), "python3 is ready");
            long pid = strace.children().findFirst().orElseThrow().pid();
            awaitBlockedOnStdin(pid);
            real = new ProcReader().maps(pid).value();
            strace.getOutputStream().write('x');
            strace.getOutputStream().close();
            assertTrue(strace.waitFor(60, TimeUnit.SECONDS));
        } finally {
            strace.destroyForcibly();
        }
        Path log = dir.resolve("trace.log");
        StraceLog parsed = StraceParser.parse(log, ProgressMonitor.NONE);
        assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
        long readLine = firstRead(log);
        List<TracedCall> before = parsed.calls().stream().filter(c -> c.line() < readLine).toList();

        Session session = service.openReplaySession("python", Personality.LINUX);
        ReplayReport report = new StraceReplay(session, Set.of(), "strace:test").replay(before, ProgressMonitor.NONE);
        assertFalse(report.canceled());
        assertTrue(report.recorded() > 30, report.toString());

        assertTrue(real.problems().isEmpty());
        List<long[]> traced = tracedRanges(before);
        List<Mapping> model = session.space().kernelView();
        for (Mapping m : model) {
            assertCovered(m, real.mappings(), "replayed " + m + " vs the process's own maps");
        }
        int compared = 0;
        for (Mapping r : real.mappings()) {
            if (traced.stream().anyMatch(t -> t[0] < r.end() && r.start() < t[1])) {
                assertCovered(r, model, "the process's " + r + " vs the replay");
                compared++;
            }
        }
        assertTrue(compared >= 20, "compared " + compared + " mappings");
        // the four shared mmaps that stay, the 50 MB bytearray and the heap are among them
        assertEquals(4, real.mappings().stream().filter(r -> r.path().startsWith("/dev/zero")).count());
        assertTrue(model.stream().anyMatch(m -> m.length() >= 50_000_000), "the bytearray's mapping was replayed");
    }

    @Test
    void everyMmapLandsAtTheTracedAddress() throws Exception {
        assumeTools();
        for (String[] command : List.of(new String[] { "/bin/true" }, new String[] { "/bin/ls", "-l", "/" })) {
            Path log = trace("-e trace=memory", dir.resolve("out.txt"), command);
            StraceLog parsed = StraceParser.parse(log, ProgressMonitor.NONE);
            assertTrue(parsed.problems().isEmpty(), parsed.problems().toString());
            Session session = service.openReplaySession(command[0], Personality.LINUX);
            new StraceReplay(session, Set.of(), "strace").replay(parsed.calls(), ProgressMonitor.NONE);
            List<TracedCall> mmaps = parsed.calls().stream().filter(c -> c.syscall() == Syscall.MMAP && !c.failed()).toList();
            assertFalse(mmaps.isEmpty());
            for (TracedCall c : mmaps) {
                int index = eventIndexOf(session, c.line());
                assertTrue(index >= 0, "no event for line " + c.line());
                long end = c.result() + ((c.length() + PAGE - 1) & -PAGE);
                // right after the call its pages are mapped as asked (perhaps merged with a neighbour, as VMAs are)
                AddressSpace after = session.timeline().spaceAfter(index);
                for (long page = c.result(); page < end; page += PAGE) {
                    Region r = after.regionAt(page);
                    assertNotNull(r, "line " + c.line() + ": page 0x" + Long.toHexString(page) + " is free");
                    assertEquals(c.prot(), r.prot(), "line " + c.line() + ": " + r);
                    page = Math.min(r.end(), end) - PAGE;
                }
            }
        }
    }

    @Test
    void replayReportsProgressAndCanBeCancelled() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            long a = 0x7f0000000000L + i * 2 * PAGE;
            text.append("mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x").append(Long.toHexString(a)).append('\n');
        }
        StraceLog log = StraceParser.parse(text.toString(), "many.log");
        Session session = service.openReplaySession("cancel", Personality.LINUX);
        long[] last = { -1 };
        ReplayReport report = new StraceReplay(session, Set.of(), "s").replay(log.calls(), new ProgressMonitor() {
            @Override
            public void worked(long done) {
                last[0] = done;
            }

            @Override
            public boolean isCanceled() {
                return last[0] >= 8192;
            }
        });
        assertTrue(report.canceled());
        assertEquals(8192, report.recorded());
        assertEquals(8192, session.space().size());
    }

    @Test
    void brkGrowsAndShrinksTheHeapAndFailuresAreEvents() {
        StraceLog log = StraceParser.parse("""
                brk(NULL) = 0x555555559000
                brk(0x55555557a000) = 0x55555557a000
                brk(0x555555579800) = 0x555555579800
                brk(0x555555570000) = 0x555555570000
                brk(0x7fffffff0000) = 0x555555570000
                mmap(NULL, 1099511627776, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory)
                [pid 4] mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                """, "brk.log");
        Session session = service.openReplaySession("brk", Personality.LINUX);
        ReplayReport report = new StraceReplay(session, Set.of(0), "s").replay(log.calls(), ProgressMonitor.NONE);
        assertEquals(new ReplayReport(4, 2, 3, false), report, "brk(NULL), the 2 KiB shrink and pid 4 are skipped");
        List<Mapping> heap = session.space().kernelView();
        assertEquals(1, heap.size());
        assertEquals(0x555555559000L, heap.getFirst().start());
        assertEquals(0x555555570000L, heap.getFirst().end());
        assertTrue(session.timeline().event(session.timeline().size() - 1).failed());
    }

    private static int eventIndexOf(Session session, long line) {
        for (int i = 0; i < session.timeline().size(); i++) {
            if (session.timeline().event(i).source().endsWith(":" + line)) {
                return i;
            }
        }
        return -1;
    }

    /** Pages the traced calls made: successful mmap results and heap growth. */
    private static List<long[]> tracedRanges(List<TracedCall> calls) {
        List<long[]> out = new ArrayList<>();
        long brk = -1;
        for (TracedCall c : calls) {
            if ((c.syscall() == Syscall.MMAP || c.syscall() == Syscall.MREMAP) && !c.failed()) {
                long length = c.syscall() == Syscall.MMAP ? c.length() : c.newLength();
                out.add(new long[] { c.result(), c.result() + ((length + PAGE - 1) & -PAGE) });
            } else if (c.syscall() == Syscall.BRK) {
                if (brk >= 0 && c.result() > brk) {
                    out.add(new long[] { brk, c.result() });
                }
                brk = brk < 0 ? c.result() : Math.max(brk, c.result());
            }
        }
        return out;
    }

    /** {@code m}'s pages are mapped in {@code others} without a hole, with its protection and sharing. */
    private static void assertCovered(Mapping m, List<Mapping> others, String what) {
        long at = m.start();
        for (Mapping o : others) {
            if (o.end() <= at || o.start() >= m.end()) {
                continue;
            }
            assertTrue(o.start() <= at, what + ": hole at 0x" + Long.toHexString(at));
            assertEquals(m.prot(), o.prot(), what + ": protection of " + o);
            assertEquals(m.shared(), o.shared(), what + ": sharing of " + o);
            at = o.end();
            if (at >= m.end()) {
                return;
            }
        }
        throw new AssertionError(what + ": not mapped from 0x" + Long.toHexString(at));
    }

    /** The line of the blocking {@code read(0, ...)}: every call before it had happened when the maps were read. */
    private static long firstRead(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^\\d+\\s+[\\d:.]+\\s+read\\(0,.*")) {
                return i + 1;
            }
        }
        throw new AssertionError("no read of standard input in " + log);
    }
}
