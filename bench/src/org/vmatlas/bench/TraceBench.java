package org.vmatlas.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.trace.LiveTrace;
import org.vmatlas.trace.TraceOptions;
import org.vmatlas.trace.internal.StraceCommand;

/**
 * Live tracing against strace alone, in one run with interleaved repetitions: {@code mmapstorm N} (N mmap/munmap
 * pairs) traced by vmatlas's live trace (strace into a pipe, every call recorded into the session as it comes) vs
 * {@code strace -o /dev/null} with the same options. Prints the medians, their ratio (the goal is at most 1.1), and
 * the most calls ever held back, sampled while tracing: the pipe is the only queue, so it stays bounded. Meanwhile a
 * {@link FramePainter} draws the map of the session as the workbench would, and its frame times are reported.
 * usage: TraceBench TARGET_DIR [REPS=5] [PAIRS=200000] [nomap]
 */
public final class TraceBench {

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String pairs = args.length > 2 ? args[2] : "200000";
        boolean drawing = !(args.length > 3 && args[3].equals("nomap")); // nomap: the model alone, no frames drawn
        List<String> program = List.of(target.resolve("mmapstorm").toString(), pairs);
        Path strace = StraceCommand.locate();
        if (strace == null) {
            System.err.println("bench/run trace needs strace");
            System.exit(1);
        }
        double[] alone = new double[reps];
        double[] traced = new double[reps];
        double[] ownCpu = new double[reps];
        int heldBack = 0;
        long events = 0;
        double[] frames = new double[0];
        for (int r = 0; r < reps; r++) {
            alone[r] = straceAlone(strace, program);
            RegionModelServiceImpl models = new RegionModelServiceImpl();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            try (LiveTrace trace = LiveTrace.launch(program, target, models, new TraceOptions(Duration.ZERO, false));
                    FramePainter map = new FramePainter(() -> drawing ? last(trace.sessions()) : null)) {
                while (!trace.awaitEnd(Duration.ofMillis(10))) {
                    heldBack = Math.max(heldBack, trace.status().waiting());
                }
                double[] these = map.sorted();
                frames = Arrays.copyOf(frames, frames.length + these.length);
                System.arraycopy(these, 0, frames, frames.length - these.length, these.length);
                traced[r] = (System.nanoTime() - start) / 1e9;
                ownCpu[r] = (processCpuNanos() - cpu) / 1e9;
                events = eventsOf(trace.sessions());
                if (!trace.status().ended().endsWith("exited with 0")) {
                    throw new IllegalStateException(trace.status().ended());
                }
            }
            models.sessions().forEach(models::close);
            System.out.printf(Locale.ROOT, "rep %d: strace -o /dev/null %.3f s, vmatlas live trace %.3f s%n", r + 1,
                    alone[r], traced[r]);
        }
        double a = median(alone);
        double t = median(traced);
        System.out.printf(Locale.ROOT, "mmapstorm %s (%s mmap/munmap pairs), %d interleaved repetitions%n",
                pairs, pairs, reps);
        System.out.printf(Locale.ROOT, "  strace -o /dev/null alone   median %.3f s%n", a);
        System.out.printf(Locale.ROOT, "  vmatlas live trace          median %.3f s  (%d events recorded, %.0f calls/s)%n",
                t, events, events / t);
        System.out.printf(Locale.ROOT, "  ratio %.3f (goal <= 1.1)%n", t / a);
        System.out.printf(Locale.ROOT, "  vmatlas's own CPU while tracing: median %.3f s (%.2f us a call)%n",
                median(ownCpu), median(ownCpu) * 1e6 / Math.max(1, events));
        System.out.printf(Locale.ROOT, "  calls held back at most %d (the pipe is the only queue)%n", heldBack);
        Arrays.sort(frames);
        if (frames.length > 0) {
            System.out.printf(Locale.ROOT, "  map frames meanwhile (60 Hz when there is news, 1300x330, off the UI's blit): %d frames,"
                    + " median %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 <= 33 ms)%n", frames.length,
                    frames[frames.length / 2], frames[frames.length * 99 / 100], frames[frames.length - 1]);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "  heap in use after the runs %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double straceAlone(Path strace, List<String> program) throws Exception {
        List<String> argv = new java.util.ArrayList<>(StraceCommand.launch(strace, Path.of("/dev/null"), program));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("strace alone failed: " + argv);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** CPU time of this JVM (parsing and recording), apart from strace's and the program's. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Session last(List<Session> sessions) {
        return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
    }

    static long eventsOf(List<Session> sessions) {
        return sessions.stream().mapToLong(s -> s.timeline().size()).sum();
    }
}
