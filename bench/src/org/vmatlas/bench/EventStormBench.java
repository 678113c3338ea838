package org.vmatlas.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;

/**
 * Events arriving while the map keeps drawing: one thread applies the model benchmark's op stream to a
 * simulated Linux session through the DS service implementation (as a source would), and every model
 * notification asks for a frame; frames are coalesced exactly as the workbench does (at most one
 * pending, each drawing the latest snapshot). Prints events per second with and without the map
 * drawing, and the frame times while events pour in. Target: 100k events/s with interactive frames.
 * usage: EventStormBench [SECONDS=5]
 */
public final class EventStormBench {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double alone = run(seconds, false).eventsPerSecond;
        Result drawn = run(seconds, true);
        double[] frames = drawn.frameMillis;
        Arrays.sort(frames);
        System.out.printf(Locale.ROOT, "events/s, model alone:          %,12.0f%n", alone);
        System.out.printf(Locale.ROOT, "events/s, map drawing as well:  %,12.0f  (%.2fx of alone)%n",
                drawn.eventsPerSecond, drawn.eventsPerSecond / alone);
        System.out.printf(Locale.ROOT, "frames drawn: %d; frame ms p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", frames.length,
                pct(frames, 0.5), pct(frames, 0.9), pct(frames, 0.99), frames[frames.length - 1]);
        System.out.printf(Locale.ROOT, "target 100k events/s while drawing: %s%n",
                drawn.eventsPerSecond >= 100_000 ? "met" : "MISSED");
    }

    record Result(double eventsPerSecond, double[] frameMillis) {
    }

    static Result run(int seconds, boolean draw) throws InterruptedException {
        RegionModelServiceImpl models = new RegionModelServiceImpl();
        Session session = models.openSession("storm", Personality.LINUX.newKernel());
        AtomicBoolean framePending = new AtomicBoolean();
        models.addListener(change -> framePending.set(true));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        Thread source = new Thread(() -> {
            long seed = 42;
            int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
            int[] prots = {0, 1, 3, 5};
            while (!stop.get()) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                long r = seed >>> 1;
                long lo = (r % 262144);
                long hi = Math.min(262144, lo + 1 + (r >>> 20) % 256);
                long address = 0x100000000L + lo * 4096;
                long length = (hi - lo) * 4096;
                int op = (int) ((r >>> 40) % 10);
                Call call = op < 4 ? new Call.Mmap(address, length, prots[(int) ((r >>> 50) & 3)], fixed, -1, 0, "")
                        : op < 7 ? new Call.Munmap(address, length)
                        : new Call.Mprotect(address, length, prots[(int) ((r >>> 50) & 3)]);
                session.apply(call, "storm");
                events.incrementAndGet();
            }
        }, "event source");
        double[] frames = new double[1 << 16];
        int frameCount = 0;
        MapGeometry geometry = MapGeometry.forCanvas(1600, 400);
        long start = System.nanoTime();
        source.start();
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            if (draw && framePending.getAndSet(false)) {
                long t0 = System.nanoTime();
                AddressSpace space = session.space();
                List<org.vmatlas.model.Region> regions = space.regions();
                new MapFrame(MapLayout.of(regions), geometry, new MapViewport(), List.of(), List.of());
                if (frameCount < frames.length) {
                    frames[frameCount++] = (System.nanoTime() - t0) / 1e6;
                }
            } else {
                Thread.sleep(1);
            }
        }
        stop.set(true);
        source.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        models.close(session);
        return new Result(events.get() / elapsed, Arrays.copyOf(frames, Math.max(1, frameCount)));
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }
}
