package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.ModelChange;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;

class RegionModelServiceTest {

    @Test
    void notificationsAreCoalescedWhileAListenerIsBusy() throws Exception {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        List<ModelChange> changes = new CopyOnWriteArrayList<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allSeen = new CountDownLatch(1);
        int calls = 5000;
        service.addListener(change -> {
            changes.add(change);
            firstArrived.countDown();
            if (change.lastEvent() == calls - 1) {
                allSeen.countDown();
            }
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Session s = service.openSession("busy", Personality.LINUX.newKernel());
        assertTrue(firstArrived.await(10, TimeUnit.SECONDS), "the opening is told");
        Thread writer = new Thread(() -> {
            for (int i = 0; i < calls; i++) {
                s.apply(new Call.Mmap(0x100000000L + (i % 64) * 8192L, 4096, i % 4,
                        MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, null), "background");
            }
        });
        writer.start();
        writer.join(30_000);
        release.countDown();
        assertTrue(allSeen.await(10, TimeUnit.SECONDS), "the last event is told");
        assertTrue(changes.size() <= 3, "coalesced into a few notifications, got " + changes.size());
        ModelChange last = changes.get(changes.size() - 1);
        assertSame(s, last.session());
        assertEquals(0, last.firstEvent(), "the pending change grew to cover every event");
        assertEquals(calls - 1, last.lastEvent());
        service.deactivate();
    }

    @Test
    void sessionsAndCurrent() {
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        Session a = service.openSession("a", Personality.LINUX.newKernel());
        Session b = service.openReplaySession("b", Personality.AIX);
        assertSame(a, service.current());
        service.setCurrent(b);
        assertSame(b, service.current());
        service.close(b);
        assertSame(a, service.current());
        assertEquals(List.of(a), service.sessions());
        assertEquals(Personality.AIX, b.personality());
        service.deactivate();
    }

    @Test
    void closingANativeSessionGivesItsArenaBack() throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.vmatlas.syscall.NativeKernel.supported(), "needs Linux");
        RegionModelServiceImpl service = new RegionModelServiceImpl();
        org.vmatlas.syscall.Sandbox sandbox = org.vmatlas.syscall.NativeKernel.open(64L << 20);
        Session session = service.openSession("native", sandbox);
        long arena = sandbox.arenaStart();
        assertTrue(sandbox.owns(arena, 4096));
        service.close(session);
        assertTrue(!sandbox.owns(arena, 4096), "the sandbox owns nothing once its session is closed");
        assertTrue(org.vmatlas.syscall.internal.ProcMaps.read(java.nio.file.Path.of("/proc/self/maps")).stream()
                .noneMatch(m -> m.start() <= arena && arena < m.end() && m.prot() == org.vmatlas.syscall.Prot.NONE),
                "the arena's reservation at 0x" + Long.toHexString(arena) + " is gone from /proc/self/maps");
        var answer = sandbox.mmap(arena, 4096, org.vmatlas.syscall.Prot.RW,
                MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0);
        assertTrue(answer instanceof org.vmatlas.syscall.SysResult.Err err && err.refused(), answer.describe());
        service.deactivate();
    }
}
