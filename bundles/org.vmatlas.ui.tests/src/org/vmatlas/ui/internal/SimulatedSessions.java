package org.vmatlas.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/** Builds known address spaces for the view tests with a simulated Linux kernel: no OSGi, no native calls. */
public final class SimulatedSessions {

    public static final long PAGE = 4096;
    public static final long BASE = 0x10000000L;

    private SimulatedSessions() {
    }

    public static RegionModelService service() {
        return new RegionModelServiceImpl();
    }

    public static Session linux(RegionModelService models) {
        Session session = models.openSession("test", Personality.LINUX.newKernel());
        models.setCurrent(session);
        return session;
    }

    /** Maps a fixed private anonymous range and fails the test when the kernel says no. */
    public static Event map(Session session, long address, long length, int prot, String label) {
        Event event = session.apply(new Call.Mmap(address, length, prot,
                MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, label));
        if (event.failed()) {
            throw new AssertionError("setup mmap failed: " + event.describe());
        }
        return event;
    }

    /**
     * {@code count} one-page regions two pages apart from {@link #BASE}, protections cycling through
     * r--, rw-, r-x, ---, so neighbours never merge and each protection has a known share.
     */
    public static List<Integer> mapCycle(Session session, int count) {
        int[] prots = { Prot.READ, Prot.RW, Prot.RX, Prot.NONE };
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int prot = prots[i % prots.length];
            map(session, BASE + 2L * i * PAGE, PAGE, prot, "r" + i);
            used.add(prot);
        }
        return used;
    }
}
