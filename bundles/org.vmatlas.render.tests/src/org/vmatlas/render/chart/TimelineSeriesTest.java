package org.vmatlas.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;

/** The chart's data follows the events' diffs. */
class TimelineSeriesTest {

    private static final long MIB = 1L << 20;
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() {
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
    }

    @AfterEach
    void close() {
        models.close(session);
    }

    @Test
    void bytesByProtectionAfterEachEventMatchTheAddressSpace() {
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, 8 * MIB, Prot.RW, "data");
        session.apply(new Call.Mprotect(base + 2 * MIB, 2 * MIB, Prot.READ));
        session.apply(new Call.SysReserve(base + 64 * MIB, 16 * MIB, "heap"));
        session.apply(new Call.SysMap(base + 64 * MIB, 4 * MIB));
        session.apply(new Call.Munmap(base + 6 * MIB, MIB));
        session.apply(new Call.Munmap(base + 1, 4096));
        TimelineSeries series = new TimelineSeries();
        series.update(session.timeline());
        assertEquals(session.timeline().size(), series.size());
        for (int i = 0; i < series.size(); i++) {
            var space = session.timeline().spaceAfter(i);
            for (int k = 0; k < TimelineSeries.PROTS.length; k++) {
                int prot = TimelineSeries.PROTS[k];
                assertEquals(space.bytes(prot), series.bytes(k, i), "prot " + Prot.letters(prot) + " after event " + i);
            }
            for (var state : TimelineSeries.STATES) {
                assertEquals(space.bytes(state), series.bytes(TimelineSeries.stateSlot(state), i), state + " after event " + i);
            }
        }
        assertEquals(1, series.failureCount(), "the unaligned munmap failed");
        assertEquals(series.size() - 1, series.failure(0));
    }

    @Test
    void decimationKeepsMinimumAndMaximumPerColumn() {
        long base = SimulatedSessions.BASE;
        for (int i = 0; i < 400; i++) {
            SimulatedSessions.map(session, base + (i % 2) * 64 * MIB, (1 + i % 7) * MIB, Prot.RW, "");
            session.apply(new Call.Munmap(base + (i % 2) * 64 * MIB, (1 + i % 7) * MIB));
        }
        TimelineSeries series = new TimelineSeries();
        series.update(session.timeline());
        double[][] xy = series.decimated(2, 50);
        assertEquals(100, xy[0].length, "two points per column");
        double max = 0;
        for (double y : xy[1]) {
            max = Math.max(max, y);
        }
        assertEquals(7 * MIB, max, 0.5, "the largest mapping survives decimation");
    }

    @Test
    void anUntimedStartingEventDoesNotPutTheOriginAt1970() {
        Session replay = models.openReplaySession("exec", org.vmatlas.model.sim.Personality.LINUX);
        long epoch = 1_780_000_000_000_000_000L;
        int flags = org.vmatlas.syscall.MapFlags.PRIVATE | org.vmatlas.syscall.MapFlags.ANONYMOUS;
        replay.record(new Call.Mmap(0, MIB, Prot.RW, flags, -1, 0, null), org.vmatlas.syscall.SysResult.ok(0x10000000L), 0, "exec");
        replay.record(new Call.Mmap(0, MIB, Prot.RW, flags, -1, 0, null), org.vmatlas.syscall.SysResult.ok(0x20000000L), epoch, "strace");
        replay.record(new Call.Mmap(0, MIB, Prot.RW, flags, -1, 0, null), org.vmatlas.syscall.SysResult.ok(0x30000000L), epoch + 2_500_000_000L, "strace");
        TimelineSeries series = new TimelineSeries();
        series.update(replay.timeline());
        assertTrue(series.timed());
        assertEquals(0.0, series.x(0, true));
        assertEquals(0.0, series.x(1, true));
        assertEquals(2.5, series.x(2, true), 1e-9, "seconds after the first timed event, not after 1970");
        models.close(replay);
    }
}
