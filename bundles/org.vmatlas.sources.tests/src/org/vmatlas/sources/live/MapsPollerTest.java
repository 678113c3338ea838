package org.vmatlas.sources.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.syscall.Mapping;

/** Follows a real python3 child that maps and unmaps on command, then exits. */
class MapsPollerTest {

    /** Maps 7 pages on "map", unmaps them on "unmap", exits at end of input; prints the address. */
    static final String CHILD = """
            import mmap, sys, ctypes
            m = None
            for line in sys.stdin:
                if line.strip() == 'map':
                    m = mmap.mmap(-1, 7 * 4096)
                    a = ctypes.addressof(ctypes.c_char.from_buffer(m))
                    print(hex(a), flush=True)
                elif line.strip() == 'unmap':
                    m.close()
                    print('done', flush=True)
            """;

    static Process python(String script) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        return new ProcessBuilder("/usr/bin/python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static class Recorder implements SnapshotSink {
        final List<MapsSnapshot> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch end = new CountDownLatch(1);
        volatile ProcFailure failure;

        @Override
        public void snapshot(MapsSnapshot snapshot) {
            seen.add(snapshot);
        }

        @Override
        public void ended(ProcFailure why) {
            failure = why;
            end.countDown();
        }

        boolean has(long address, boolean present) throws InterruptedException {
            for (int i = 0; i < 500; i++) {
                if (!seen.isEmpty() && contains(seen.getLast().mappings(), address) == present) {
                    return true;
                }
                Thread.sleep(10);
            }
            return false;
        }
    }

    static boolean contains(List<Mapping> mappings, long address) {
        return mappings.stream().anyMatch(m -> m.start() <= address && address < m.end() && m.length() >= 7 * 4096);
    }

    @Test
    void seesMappingsComeAndGoAndReportsTheExit() throws Exception {
        Process child = python(CHILD);
        Recorder sink = new Recorder();
        try (MapsPoller poller = new MapsPoller(child.pid(), Duration.ofMillis(20), sink).start()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            OutputStream in = child.getOutputStream();
            in.write("map\n".getBytes());
            in.flush();
            long address = Long.decode(out.readLine());
            assertTrue(sink.has(address, true), "the new 7-page mapping was seen");
            int before = sink.seen.size();
            in.write("unmap\n".getBytes());
            in.flush();
            assertEquals("done", out.readLine());
            assertTrue(sink.has(address, false), "the unmapping was seen");
            assertTrue(sink.seen.size() > before);
            in.close();
            child.waitFor(10, TimeUnit.SECONDS);
            assertTrue(sink.end.await(10, TimeUnit.SECONDS), "the exit ended the polling");
            assertEquals(ProcFailure.Kind.EXITED, sink.failure.kind());
            assertTrue(sink.failure.message().startsWith("process " + child.pid() + " has exited"), sink.failure.message());
            assertEquals(sink.failure, poller.endedBy());
            assertFalse(poller.running());
            assertTrue(poller.readings() > poller.delivered(), "unchanged readings are not delivered");
            for (int i = 1; i < sink.seen.size(); i++) {
                assertFalse(sink.seen.get(i).mappings().equals(sink.seen.get(i - 1).mappings()));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void stopsCleanlyOnRequest() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        Recorder sink = new Recorder();
        try {
            MapsPoller poller = new MapsPoller(child.pid(), Duration.ofMillis(10), sink).start();
            for (int i = 0; i < 500 && sink.seen.isEmpty(); i++) {
                Thread.sleep(10);
            }
            poller.stop();
            assertFalse(poller.running());
            long readings = poller.readings();
            Thread.sleep(100);
            assertEquals(readings, poller.readings(), "no reading after stop");
            assertNotNull(sink.seen.getFirst());
            assertEquals(null, poller.endedBy());
            poller.stop();
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void aSinkThatThrowsEndsThePollingWithAMessage() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            Recorder sink = new Recorder() {
                @Override
                public void snapshot(MapsSnapshot snapshot) {
                    throw new IllegalArgumentException("mappings overlap");
                }
            };
            MapsPoller poller = new MapsPoller(child.pid(), Duration.ofMillis(10), sink).start();
            assertTrue(sink.end.await(10, TimeUnit.SECONDS));
            assertEquals("polling of process " + child.pid() + " stopped: its snapshot was rejected: mappings overlap",
                    sink.failure.message());
            assertFalse(poller.running());
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void aSlowReadingIsFollowedByAPauseAsLongAsItTook() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        CountDownLatch applied = new CountDownLatch(1);
        Recorder sink = new Recorder() {
            @Override
            public void snapshot(MapsSnapshot snapshot) {
                super.snapshot(snapshot);
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                applied.countDown();
            }
        };
        try (MapsPoller poller = new MapsPoller(child.pid(), Duration.ofMillis(10), sink).start()) {
            assertTrue(applied.await(10, TimeUnit.SECONDS));
            Thread.sleep(250);
            assertEquals(1, poller.readings(), "a 400 ms reading is not followed by another within 250 ms, "
                    + "though the interval is 10 ms: polling takes at most half of a core");
            for (int i = 0; i < 500 && poller.readings() < 2; i++) {
                Thread.sleep(10);
            }
            assertTrue(poller.readings() >= 2, "polling goes on after the pause");
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new MapsPoller(0, s -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MapsPoller(1, Duration.ZERO, s -> { }));
        assertTrue(e.getMessage().contains("PT0S"), e.getMessage());
    }
}
