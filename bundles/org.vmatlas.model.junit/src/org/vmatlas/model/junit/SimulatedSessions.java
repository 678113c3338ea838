package org.vmatlas.model.junit;

import java.util.ArrayList;
import java.util.List;

import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/**
 * Builds known address spaces for the tests of the views and the render core with a simulated Linux kernel:
 * no native calls, inside OSGi or out.
 */
public final class SimulatedSessions {

    public static final long PAGE = 4096;
    public static final long BASE = 0x10000000L;

    private SimulatedSessions() {
    }

    /**
     * The region-model service: the DS one inside OSGi (Tycho's test runtime), else a fresh implementation
     * made by reflection (its package is internal to the model) for plain JUnit runs.
     */
    public static RegionModelService service() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(SimulatedSessions.class);
        if (bundle != null) {
            try {
                if (bundle.getBundleContext() == null) {
                    bundle.start(org.osgi.framework.Bundle.START_TRANSIENT); // a library bundle nobody started
                }
                ServiceTracker<RegionModelService, RegionModelService> tracker =
                        new ServiceTracker<>(bundle.getBundleContext(), RegionModelService.class, null);
                tracker.open();
                RegionModelService service = tracker.waitForService(10_000);
                if (service == null) {
                    throw new AssertionError("no RegionModelService registered within 10 s: is Felix SCR running?");
                }
                return service;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the model service", e);
            } catch (org.osgi.framework.BundleException e) {
                throw new AssertionError("cannot start " + bundle.getSymbolicName(), e);
            }
        }
        try {
            return (RegionModelService) Class.forName("org.vmatlas.model.internal.RegionModelServiceImpl")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make the model service outside OSGi", e);
        }
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
     * r--, rw-, r-x, --- every {@code run} regions; the gaps keep neighbours from merging.
     */
    public static List<Integer> mapCycle(Session session, int count, int run) {
        int[] prots = { Prot.READ, Prot.RW, Prot.RX, Prot.NONE };
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int prot = prots[(i / run) % prots.length];
            map(session, BASE + 2L * i * PAGE, PAGE, prot, "r" + i);
            used.add(prot);
        }
        return used;
    }
}
