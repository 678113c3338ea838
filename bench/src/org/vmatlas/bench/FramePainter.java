package org.vmatlas.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.render.map.RecentConflicts;
import org.vmatlas.render.map.RecentNotes;

/**
 * What the workbench's map does while a session changes: every 16 ms (60 Hz), when the session has new
 * events, a frame of its current space at 1366×768's map size (the last 64 events read once for conflict marks
 * and pattern notes, layout, pixels), on a thread of its own as the UI thread would. Keeps every frame's time.
 */
final class FramePainter implements AutoCloseable {

    private static final int WIDTH = 1300;
    private static final int HEIGHT = 330;

    private final Supplier<Session> session;
    private final Thread thread;
    private volatile boolean running = true;
    private double[] millis = new double[1024];
    private int frames;

    FramePainter(Supplier<Session> session) {
        this.session = session;
        this.thread = new Thread(this::paint, "map frames");
        thread.setDaemon(true);
        thread.start();
    }

    private void paint() {
        MapGeometry geometry = MapGeometry.forCanvas(WIDTH, HEIGHT);
        int painted = -1;
        long next = System.nanoTime();
        while (running) {
            Session s = session.get();
            int size = s == null ? 0 : s.timeline().size();
            if (s != null && size != painted) {
                long t0 = System.nanoTime();
                AddressSpace space = s.space();
                List<Region> regions = space.regions();
                List<Event> recent = RecentConflicts.window(s.timeline(), size - 1);
                MapFrame frame = new MapFrame(MapLayout.of(regions), geometry, new MapViewport(),
                        RecentConflicts.of(recent), List.of());
                if (RecentNotes.of(recent) == null) {
                    throw new IllegalStateException("no notes");
                }
                if (frame.pixels().length == 0) {
                    throw new IllegalStateException("no pixels");
                }
                record((System.nanoTime() - t0) / 1e6);
                painted = size;
            }
            next += 16_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime(); // late: the next frame is due at once, as a coalesced refresh would be
            }
        }
    }

    private synchronized void record(double ms) {
        if (frames == millis.length) {
            millis = Arrays.copyOf(millis, frames * 2);
        }
        millis[frames++] = ms;
    }

    /** The frame times so far, sorted. */
    synchronized double[] sorted() {
        double[] copy = Arrays.copyOf(millis, frames);
        Arrays.sort(copy);
        return copy;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
