package org.vmatlas.sources.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.proc.ProcFailure;

/** A live python3 child polled into an observed session of the real model. */
class SessionSinkTest {

    @Test
    void theModelFollowsTheProcessAndKeepsItsHistoryAfterTheExit() throws Exception {
        Process child = MapsPollerTest.python(MapsPollerTest.CHILD);
        Session session = new RegionModelServiceImpl().openObservedSession("child");
        SessionSink sink = new SessionSink(session, child.pid());
        try (MapsPoller poller = new MapsPoller(child.pid(), Duration.ofMillis(20), sink).start()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            OutputStream in = child.getOutputStream();
            in.write("map\n".getBytes());
            in.flush();
            long address = Long.decode(out.readLine());
            Region seen = null;
            // until a poll after the mmap: an earlier snapshot may still hold a private mapping that python's
            // allocator had at that address
            for (int i = 0; i < 500 && seen == null; i++) {
                Region r = session.space().regionAt(address);
                seen = r != null && r.length() >= 7 * 4096 && r.shared() ? r : null;
                Thread.sleep(10);
            }
            assertNotNull(seen, "the model shows the 7-page shared mapping (python's mmap(-1, n) is shared anonymous)");
            int eventsBefore = session.timeline().size();
            in.write("unmap\n".getBytes());
            in.flush();
            assertEquals("done", out.readLine());
            for (int i = 0; i < 500 && session.space().regionAt(address) != null; i++) {
                Thread.sleep(10);
            }
            assertNull(session.space().regionAt(address), "the model shows the unmapping");
            assertTrue(session.timeline().size() > eventsBefore);
            in.close();
            child.waitFor(10, TimeUnit.SECONDS);
            for (int i = 0; i < 500 && sink.endedBy() == null; i++) {
                Thread.sleep(10);
            }
            assertEquals(ProcFailure.Kind.EXITED, sink.endedBy().kind());
            assertTrue(session.space().size() > 10, "what was recorded stays after the exit");
            boolean shown = false;
            for (int i = 0; i < session.timeline().size() && !shown; i++) {
                shown = session.timeline().spaceAfter(i).regionAt(address) != null;
            }
            assertTrue(shown, "the timeline can show the moment the mapping existed");
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aSinkNeedsASession() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SessionSink(null, 42));
        assertEquals("snapshots of process 42 need a session", e.getMessage());
    }
}
