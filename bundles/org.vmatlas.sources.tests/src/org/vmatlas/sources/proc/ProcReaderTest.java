package org.vmatlas.sources.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/** The kernel is the truth: mappings this test makes must appear in /proc/self as the kernel reports them. */
class ProcReaderTest {

    private static final long SELF = ProcessHandle.current().pid();
    private static final long PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void findsAMappedFileWhosePathHasSpacesAndThenIsDeleted() throws Exception {
        Path file = dir.resolve("a file with  spaces.bin");
        Files.write(file, new byte[(int) (16 * PAGE)]);
        Object inode = Files.getAttribute(file, "unix:ino");
        Object device = Files.getAttribute(file, "unix:dev");
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_WRITE, 4 * PAGE, 8 * PAGE, arena);
            Mapping found = mappingAt(seg.address());
            assertEquals(file.toString(), found.path());
            assertEquals(((Number) inode).longValue(), found.inode());
            assertEquals(((Number) device).longValue(), found.device(), "device encoded as stat's st_dev");
            assertEquals(4 * PAGE, found.offset() + (seg.address() - found.start()));
            assertTrue(found.shared());
            assertEquals(Prot.RW, found.prot());
            Files.delete(file);
            assertEquals(file + " (deleted)", mappingAt(seg.address()).path());
        }
    }

    @Test
    void smapsOfOneRegionCountsTheTouchedPages() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(64 * PAGE, PAGE);
            for (long off = 0; off < seg.byteSize(); off += PAGE) {
                seg.set(ValueLayout.JAVA_BYTE, off, (byte) 1);
            }
            ProcResult<SmapsEntry> entry = new ProcReader().smapsAt(SELF, seg.address());
            SmapsEntry e = entry.value();
            assertNotNull(e);
            assertTrue(e.mapping().start() <= seg.address() && seg.address() < e.mapping().end());
            assertTrue(e.counters().rss() >= 64 * PAGE, "rss " + e.counters().rss());
            assertTrue(e.counters().privateDirty() + e.counters().anonHugePages() >= 64 * PAGE
                    || e.counters().privateDirty() >= 64 * PAGE, "dirty " + e.counters());
        }
    }

    @Test
    void rollupEqualsTheSumOfTheRegionsOfAQuietProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcReader reader = new ProcReader();
            waitForExec(reader, sleeper.pid());
            List<SmapsEntry> all = reader.smaps(sleeper.pid()).value();
            MemoryCounters sum = all.stream().map(SmapsEntry::counters).reduce(MemoryCounters.ZERO, MemoryCounters::plus);
            MemoryCounters rollup = reader.smapsRollup(sleeper.pid()).value();
            assertTrue(rollup.rss() > 0);
            assertEquals(sum.rss(), rollup.rss());
            assertEquals(sum.privateDirty(), rollup.privateDirty());
            assertEquals(sum.swap(), rollup.swap());
            List<Mapping> maps = reader.maps(sleeper.pid()).value().mappings();
            assertEquals(maps, all.stream().map(SmapsEntry::mapping).toList(), "smaps headers are the maps lines");
            List<SmapsEntry> two = reader.smaps(sleeper.pid(), List.of(maps.get(2), maps.get(0))).value();
            assertEquals(List.of(maps.get(0), maps.get(2)), two.stream().map(SmapsEntry::mapping).toList());
        } finally {
            sleeper.destroy();
            sleeper.waitFor();
        }
    }

    @Test
    void listsProcessesWithOwnerCommandAndMappingCount() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcReader reader = new ProcReader();
            waitForExec(reader, sleeper.pid());
            List<ProcessInfo> all = reader.processes();
            ProcessInfo me = all.stream().filter(p -> p.pid() == SELF).findFirst().orElseThrow();
            assertTrue(me.command().contains("java"), me.command());
            int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            assertEquals(uid, me.uid());
            ProcessInfo sleep = all.stream().filter(p -> p.pid() == sleeper.pid()).findFirst().orElseThrow();
            assertEquals("sleep 30", sleep.command());
            assertEquals(reader.maps(sleeper.pid()).value().mappings().size(), sleep.mappingCount());
            String passwdName = Files.readAllLines(Path.of("/etc/passwd")).stream().map(l -> l.split(":"))
                    .filter(f -> f.length > 2 && f[2].equals(Integer.toString(uid))).map(f -> f[0]).findFirst()
                    .orElse(Integer.toString(uid));
            assertEquals(passwdName, sleep.owner());
        } finally {
            sleeper.destroy();
            sleeper.waitFor();
        }
    }

    @Test
    void anExitedProcessIsAClearFailure() throws Exception {
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        p.waitFor();
        ProcReader reader = new ProcReader();
        ProcFailure failure = reader.maps(pid).failure();
        assertNotNull(failure);
        assertEquals(ProcFailure.Kind.EXITED, failure.kind());
        assertEquals("process " + pid + " has exited", failure.message());
        assertEquals(ProcFailure.Kind.EXITED, reader.smaps(pid).failure().kind());
        assertEquals(ProcFailure.Kind.EXITED, reader.process(pid).failure().kind());
    }

    private static Mapping mappingAt(long address) {
        MapsSnapshot snap = new ProcReader().maps(SELF).value();
        assertTrue(snap.problems().isEmpty(), snap.problems().toString());
        return snap.mappings().stream().filter(m -> m.start() <= address && address < m.end()).findFirst()
                .orElseThrow(() -> new AssertionError("0x" + Long.toHexString(address) + " not in /proc/self/maps"));
    }

    /**
     * The child is quiet once {@code sleep} has replaced the forked JVM image, the loader has mapped libc,
     * and the process is asleep (state S in {@code /proc/PID/stat}): its pages no longer change.
     */
    static void waitForExec(ProcReader reader, long pid) throws Exception {
        for (int i = 0; i < 300; i++) {
            var info = reader.process(pid);
            if (info.isRead() && info.value().command().startsWith("sleep")
                    && reader.maps(pid).value().mappings().stream().anyMatch(m -> m.path().contains("libc"))) {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("S")) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("sleep " + pid + " did not start");
    }
}
