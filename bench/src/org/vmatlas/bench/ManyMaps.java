package org.vmatlas.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks of {@code /proc} readers share: the {@code manymaps} process they read, the kernel's own
 * cost of handing out its files ({@code readmaps}), and the timing helpers.
 */
final class ManyMaps implements AutoCloseable {

    private static final Pattern READMAPS = Pattern.compile("read-only (maps|smaps)\\s.*min/med/max ([0-9.]+) ([0-9.]+) ([0-9.]+)");

    private final Process process;
    private final long pid;

    /** Starts {@code manymaps anon VMAS} from {@code target} and waits for the PID it prints. */
    ManyMaps(Path target, int vmas) throws Exception {
        process = new ProcessBuilder(target.resolve("manymaps").toString(), "anon", Integer.toString(vmas)).start();
        pid = Long.parseLong(new BufferedReader(new InputStreamReader(process.getInputStream())).readLine().strip());
    }

    long pid() {
        return pid;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** {@code readmaps PID 3}: the kernel's best maps and smaps read times of three, in ms. */
    static double[] kernelReads(Path target, long pid) throws Exception {
        Process p = new ProcessBuilder(target.resolve("readmaps").toString(), Long.toString(pid), "3").start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        double[] best = new double[2];
        Matcher m = READMAPS.matcher(out);
        while (m.find()) {
            best[m.group(1).equals("maps") ? 0 : 1] = Double.parseDouble(m.group(2));
        }
        if (best[0] == 0 || best[1] == 0) {
            throw new IllegalStateException("readmaps printed no times: " + out);
        }
        return best;
    }

    /** The best of {@code reps} runs of {@code work}, in ms (its result is kept so the work is not elided). */
    static double best(int reps, LongSupplier work) {
        double min = Double.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            min = Math.min(min, (System.nanoTime() - t0) / 1e6);
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return min;
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    /** The value at or below which a share {@code p} of the values lie. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
    }
}
