package org.vmatlas.sources.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

class StraceParserTest {

    @TempDir
    Path dir;

    @Test
    void decodesEveryMemoryCallWithPidAndTime() {
        StraceLog log = StraceParser.parse("""
                3129  00:29:43.183749 brk(NULL)         = 0x7739000
                3129  00:29:43.186327 openat(AT_FDCWD, "/lib/x86_64-linux-gnu/lib m.so.6", O_RDONLY|O_CLOEXEC) = 3
                3129  00:29:43.186452 mmap(0x7fd56e86f000, 475136, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x10000) = 0x7fd56e86f000
                3129  00:29:43.189701 mprotect(0x7fd56e802000, 16384, PROT_READ) = 0
                3129  00:29:43.190157 munmap(0x7fd56e93f000, 34547) = 0
                3129  00:29:43.190200 mremap(0x7f0000000000, 8192, 16384, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7f1000000000) = 0x7f1000000000
                3129  00:29:43.190300 madvise(0x7f0000000000, 4096, MADV_DONTNEED) = 0
                3129  00:29:43.190400 madvise(0x7f0000000000, 4096, MADV_DONTDUMP) = 0
                3129  00:29:43.190500 pkey_mprotect(0x7f0000000000, 4096, PROT_NONE, 1) = 0
                3129  00:29:43.190600 mmap2(NULL, 4096, 0x3, 0x22, -1, 2) = 0xb7f00000
                3129  00:29:43.190700 mlock(0x7f0000000000, 4096) = 0
                """, "t.log");
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        List<TracedCall> c = log.calls();
        assertEquals(10, c.size(), "mlock is passed over");
        assertEquals(Syscall.BRK, c.get(0).syscall());
        assertEquals(0x7739000L, c.get(0).result());
        assertEquals(3129, c.get(0).pid());
        assertEquals(((29 * 60L) + 43) * 1_000_000 + 183749, c.get(0).timeMicros());
        TracedCall mmap = c.get(2);
        assertEquals(0x7fd56e86f000L, mmap.address());
        assertEquals(475136, mmap.length());
        assertEquals(Prot.RX, mmap.prot());
        assertEquals(MapFlags.PRIVATE | MapFlags.FIXED, mmap.flags());
        assertEquals(0x10000, mmap.offset());
        assertEquals("/lib/x86_64-linux-gnu/lib m.so.6", mmap.path());
        assertEquals(Prot.READ, c.get(3).prot());
        assertEquals(34547, c.get(4).length());
        assertEquals(RemapFlags.MAYMOVE | RemapFlags.FIXED, c.get(5).flags());
        assertEquals(16384, c.get(5).newLength());
        assertEquals(0x7f1000000000L, c.get(5).newAddress());
        assertEquals(Advice.DONTNEED, c.get(6).advice());
        assertNull(c.get(7).advice());
        assertEquals(Syscall.PKEY_MPROTECT, c.get(8).syscall());
        assertEquals(Prot.NONE, c.get(8).prot());
        assertEquals(MapFlags.PRIVATE | MapFlags.ANONYMOUS, c.get(9).flags());
        assertEquals(Prot.RW, c.get(9).prot());
        assertEquals(2 * 4096, c.get(9).offset(), "mmap2 offsets count pages");
    }

    @Test
    void joinsUnfinishedAndResumedHalvesByPid() {
        StraceLog log = StraceParser.parse("""
                [pid 101] 10:00:00.000001 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0 <unfinished ...>
                [pid 102] 10:00:00.000002 munmap(0x7f0000001000, 4096 <unfinished ...>
                [pid 101] 10:00:00.000003 <... mmap resumed>) = 0x7f0000000000
                [pid 102] 10:00:00.000004 <... munmap resumed>) = -1 EINVAL (Invalid argument)
                [pid 101] 10:00:00.000005 +++ exited with 0 +++
                [pid 102] 10:00:00.000006 --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---
                """, "t.log");
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        List<TracedCall> c = log.calls();
        assertEquals(4, c.size());
        assertEquals(Syscall.MMAP, c.get(0).syscall());
        assertEquals(101, c.get(0).pid());
        assertEquals(3, c.get(0).line(), "the call completes on its resumed line");
        assertEquals(36_000_000_000L + 1, c.get(0).timeMicros(), "the call's time is when it started");
        assertEquals(0x7f0000000000L, c.get(0).result());
        assertEquals(Errno.EINVAL, c.get(1).errno());
        assertEquals(102, c.get(1).pid());
        assertEquals(Syscall.EXIT, c.get(2).syscall());
        assertEquals("exited with 0", c.get(2).path());
        assertEquals(Syscall.SIGNAL, c.get(3).syscall());
        assertTrue(c.get(3).path().startsWith("SIGSEGV {"));
        assertEquals(List.of(101, 102), List.copyOf(log.pids()));
    }

    @Test
    void readsFailuresAndUnprefixedUntimedLines() {
        StraceLog log = StraceParser.parse("""
                mmap(NULL, 1099511627776, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = -1 ENOMEM (Cannot allocate memory)
                mmap(0x10000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST (File exists)
                mmap(NULL, 4096, PROT_READ, MAP_SHARED, 7, 0) = 0xffffffffff600000
                exit_group(0)                           = ?
                """, "t.log");
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        List<TracedCall> c = log.calls();
        assertEquals(3, c.size());
        assertEquals(Errno.ENOMEM, c.get(0).errno());
        assertTrue(c.get(0).failed());
        assertEquals(MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE, c.get(0).flags());
        assertEquals(Errno.EEXIST, c.get(1).errno());
        assertEquals(MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED_NOREPLACE, c.get(1).flags());
        assertFalse(c.get(2).failed(), "a high address is no error");
        assertEquals(0xffffffffff600000L, c.get(2).result());
        assertEquals(0, c.get(2).pid());
        assertEquals(-1, c.get(2).timeMicros());
        assertNull(c.get(2).path(), "descriptor 7 was never opened in the log");
    }

    @Test
    void reportsBadLinesWithTheirNumberAndKeepsTheRest() {
        StraceLog log = StraceParser.parse("""
                mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000000000
                mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANON
                munmap(0x7f0000000000, 4096) = 0
                munmap(0x7f00zz000000, 4096) = 0
                [pid 77] <... mmap resumed>) = 0x7f0000000000
                garbage here
                munmap(0x7f0000000000) = 0
                brk(0x1000) = 0x1000
                [pid 9] mprotect(0x1000, 4096, PROT_READ <unfinished ...>""", "bad.log");
        assertEquals(List.of(1L, 3L, 8L), log.calls().stream().map(TracedCall::line).toList());
        assertEquals(List.of(2L, 4L, 5L, 6L, 7L, 9L), log.problems().stream().map(p -> p.line()).toList());
        assertEquals("the call never resumed (the log ends inside it)", log.problems().get(5).reason());
        assertTrue(log.problems().get(0).message().startsWith("bad.log:2: no ' = result' (truncated line)"),
                log.problems().get(0).message());
        assertTrue(log.problems().get(2).reason().contains("without its '<unfinished ...>'"));
        assertEquals(9, log.lines());
    }

    @Test
    void ffFilesTakeTheirPidFromTheSuffixAndMergeByTime() throws Exception {
        Path a = dir.resolve("trace.200");
        Path b = dir.resolve("trace.201");
        Files.writeString(a, "10:00:00.000001 brk(NULL) = 0x1000\n10:00:00.000005 brk(NULL) = 0x1000\n");
        Files.writeString(b, "10:00:00.000003 brk(NULL) = 0x2000\n");
        StraceLog log = StraceParser.parse(List.of(a, b), ProgressMonitor.NONE);
        assertEquals(List.of(200, 201, 200), log.calls().stream().map(TracedCall::pid).toList());
        assertEquals(3, log.lines());
    }

    @Test
    void cancellingStopsEarlyAndKeepsWhatWasRead() throws Exception {
        Path big = dir.resolve("big.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            text.append("munmap(0x7f0000000000, 4096) = 0\n");
        }
        Files.writeString(big, text);
        AtomicInteger reports = new AtomicInteger();
        StraceLog log = StraceParser.parse(big, new ProgressMonitor() {
            @Override
            public void worked(long done) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCanceled() {
                return reports.get() >= 2;
            }
        });
        assertTrue(log.canceled());
        assertTrue(log.calls().size() > 0 && log.calls().size() < 300_000, "read " + log.calls().size());
        StraceLog whole = StraceParser.parse(big, ProgressMonitor.NONE);
        assertEquals(300_000, whole.calls().size());
        assertFalse(whole.canceled());
    }
}
