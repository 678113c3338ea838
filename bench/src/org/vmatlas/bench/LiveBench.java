package org.vmatlas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.syscall.Mapping;

/**
 * How fast an attached session can follow a 60k-mapping process ({@code manymaps anon 60000}): one refresh
 * is what the poller does per tick, a {@code /proc/PID/maps} read and its application to an observed
 * session through {@link SessionSink}. Every other refresh sees one mapping changed (and the next changes it back), so every refresh
 * carry a real diff into the model and its timeline, as a process that keeps mapping would. The baseline is
 * the kernel's read of the same maps ({@code readmaps}), measured in the same run, rounds interleaved.
 * Prints median and p99 per refresh and the refresh rate they allow (goal: at least 10 Hz).
 * usage: LiveBench TARGET_DIR [ROUNDS=60] [VMAS=60000]
 */
public final class LiveBench {


    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int vmas = args.length > 2 ? Integer.parseInt(args[2]) : 60000;
        try (ManyMaps many = new ManyMaps(target, vmas)) {
            run(target, many.pid(), rounds);
        }
    }

    private static void run(Path target, long pid, int rounds) throws Exception {
        ProcReader reader = new ProcReader();
        Session session = new RegionModelServiceImpl().openObservedSession("live bench " + pid);
        SessionSink sink = new SessionSink(session, pid);
        MapsSnapshot first = reader.maps(pid).value();
        System.out.printf(Locale.ROOT, "process %d: %d mappings (manymaps)%n", pid, first.mappings().size());
        for (int w = 0; w < 6; w++) {
            refresh(reader, sink, pid, w);
        }
        double[] kernel = new double[rounds];
        double[] refresh = new double[rounds];
        double[] apply = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            kernel[r] = ManyMaps.kernelReads(target, pid)[0];
            long t0 = System.nanoTime();
            apply[r] = refresh(reader, sink, pid, r);
            refresh[r] = (System.nanoTime() - t0) / 1e6;
        }
        double kMed = ManyMaps.median(kernel);
        double rMed = ManyMaps.median(refresh);
        double rP99 = ManyMaps.percentile(refresh, 0.99);
        System.out.printf(Locale.ROOT, "maps read, kernel (readmaps)       median %8.2f ms%n", kMed);
        System.out.printf(Locale.ROOT, "refresh (read + apply to session)  median %8.2f ms  p99 %8.2f ms%n", rMed, rP99);
        System.out.printf(Locale.ROOT, "  of which applying the snapshot   median %8.2f ms  p99 %8.2f ms%n", ManyMaps.median(apply),
                ManyMaps.percentile(apply, 0.99));
        System.out.printf(Locale.ROOT, "refresh / kernel read              %8.2fx (median)%n", rMed / kMed);
        System.out.printf(Locale.ROOT, "refresh rate the p99 allows        %8.1f Hz (goal >= 10)%n", 1000 / rP99);
        System.out.printf(Locale.ROOT, "events on the timeline             %d%n", session.timeline().size());
    }

    /**
     * One poller tick, returning the milliseconds spent applying it; on odd rounds the middle mapping's
     * protection is flipped, as if re-protected, so every tick differs from the one before.
     */
    private static double refresh(ProcReader reader, SessionSink sink, long pid, int round) {
        MapsSnapshot snapshot = reader.maps(pid).value();
        if (round % 2 == 1) {
            List<Mapping> changed = new ArrayList<>(snapshot.mappings());
            int i = changed.size() / 2;
            Mapping m = changed.get(i);
            changed.set(i, new Mapping(m.start(), m.end(), m.prot() ^ 1, m.maxProt(), m.shared(), m.offset(),
                    m.device(), m.inode(), m.path()));
            snapshot = new MapsSnapshot(snapshot.pid(), changed, snapshot.problems(), snapshot.timeNanos());
        }
        long t0 = System.nanoTime();
        sink.snapshot(snapshot);
        return (System.nanoTime() - t0) / 1e6;
    }
}
