package org.vmatlas.ui.internal;

import java.util.List;
import java.util.function.LongFunction;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/**
 * The built-in demo: real calls in a fresh native sandbox, one every {@code pace} milliseconds, so
 * the map, the chart and the status line can be watched changing. It walks a Go heap through its
 * states, splits a mapping with mprotect, makes a W^X pair of one memfd, clobbers live pages with
 * MAP_FIXED, has a hint ignored, and ends with calls that fail or are refused.
 */
public final class DemoJob extends Job {

    private static final long MIB = 1L << 20;
    /** Where the demo plays on a simulated kernel: free, far below its top-down placements. */
    private static final long SIMULATED_BASE = 0x200000000L;
    private final RegionModelService models;
    private final long pace;

    public DemoJob(RegionModelService models, long paceMillis) {
        super(Messages.demo_jobName);
        this.models = models;
        this.pace = paceMillis;
    }

    /** The demo's calls; each gets the arena's start and the last result value (for memfd fds). */
    static List<LongFunction<Call>> steps(long arena, long[] lastFd) {
        long heap = arena + 64 * MIB;
        long buffers = arena + 200 * MIB;
        long jit = arena + 300 * MIB;
        int shared = MapFlags.SHARED | MapFlags.FIXED;
        int privateFixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        return List.of(
            v -> new Call.SysReserve(heap, 64 * MIB, "go heap arena"),
            v -> new Call.SysMap(heap, 16 * MIB),
            v -> new Call.SysUsed(heap, 16 * MIB),
            v -> new Call.Mmap(buffers, 8 * MIB, Prot.RW, privateFixed, -1, 0, "buffers"),
            v -> new Call.Mprotect(buffers + 2 * MIB, MIB, Prot.READ),
            v -> new Call.Mprotect(buffers + 6 * MIB, 4096, Prot.NONE),
            v -> new Call.MemfdCreate("jit"),
            v -> { lastFd[0] = v; return new Call.Ftruncate((int) v, 64 * 1024); },
            v -> new Call.Mmap(jit, 64 * 1024, Prot.RW, shared, (int) lastFd[0], 0, "jit (write view)"),
            v -> new Call.Mmap(jit + MIB, 64 * 1024, Prot.RX, shared, (int) lastFd[0], 0, "jit (exec view)"),
            v -> new Call.Mmap(heap + 12 * MIB, 2 * MIB, Prot.RW, privateFixed, -1, 0, "clobber"),
            v -> new Call.Mmap(buffers, MIB, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0, "hinted"),
            v -> new Call.SysUnused(heap + 4 * MIB, 4 * MIB),
            v -> new Call.Munmap(buffers + 1, 4096),
            v -> new Call.Mprotect(0x10000, 4096, Prot.RWX),
            v -> new Call.Madvise(buffers, 8 * MIB, Advice.DONTNEED),
            v -> new Call.Munmap(buffers + 4 * MIB, 4 * MIB));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Session session;
        long base;
        OpenedSession opened = models.open(Messages.demo_sessionName,
                new KernelSpec.NativeSandbox(VmatlasPreferences.arenaBytes()));
        if (opened.isOpen()) {
            session = opened.session();
            base = session.arena().start();
        } else {
            // No native sandbox here (another OS, or no address space to spare): the same calls on the
            // simulated Linux, and the session's name says why.
            session = models.open(NLS.bind(Messages.demo_sessionSimulated, opened.reason()),
                    new KernelSpec.Simulated(Personality.LINUX)).session();
            base = SIMULATED_BASE;
        }
        models.setCurrent(session);
        long[] fd = { -1 };
        List<LongFunction<Call>> steps = steps(base, fd);
        monitor.beginTask(Messages.demo_jobName, steps.size());
        long lastValue = 0;
        for (LongFunction<Call> step : steps) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            Event event = session.apply(step.apply(lastValue), "demo");
            if (event.result() != null && event.result().isOk()) {
                lastValue = event.result().value();
            }
            monitor.worked(1);
            pause();
        }
        monitor.done();
        return Status.OK_STATUS;
    }

    private void pause() {
        try {
            Thread.sleep(pace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
