package org.vmatlas.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;

/**
 * The /proc reader and the strace parser against their floors, measured in one run with interleaved rounds:
 * <ul>
 * <li>maps of a 60k-VMA process ({@code manymaps anon 60000}): {@code ProcReader.maps} (read + parse) vs the
 * kernel's own cost ({@code readmaps}: open+read+close, no parsing) and vs {@code pmap};</li>
 * <li>smaps of the same process vs {@code readmaps}' smaps time and {@code pmap -X};</li>
 * <li>a generated 1M-line {@code strace -f -tt} log: {@code StraceParser.parse} lines/s vs reading the
 * same file and counting its newlines in Java.</li>
 * </ul>
 * usage: SourcesBench TARGET_DIR [ROUNDS=11] [VMAS=60000]
 */
public final class SourcesBench {


    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int vmas = args.length > 2 ? Integer.parseInt(args[2]) : 60000;
        try (ManyMaps many = new ManyMaps(target, vmas)) {
            procBench(target, many.pid(), rounds);
        }
        straceBench(target, rounds);
    }

    private static void procBench(Path target, long pid, int rounds) throws Exception {
        ProcReader reader = new ProcReader();
        int count = reader.maps(pid).value().mappings().size();
        System.out.printf(Locale.ROOT, "process %d: %d mappings (manymaps)%n", pid, count);
        double[] kMaps = new double[rounds], kSmaps = new double[rounds], jMaps = new double[rounds],
                jSmaps = new double[rounds], pmap = new double[rounds], pmapX = new double[rounds];
        for (int w = 0; w < 5; w++) {
            reader.maps(pid);
            reader.smaps(pid);
        }
        for (int r = 0; r < rounds; r++) {
            double[] kernel = ManyMaps.kernelReads(target, pid);
            kMaps[r] = kernel[0];
            kSmaps[r] = kernel[1];
            jMaps[r] = ManyMaps.best(3, () -> reader.maps(pid).value().mappings().size());
            jSmaps[r] = ManyMaps.best(3, () -> reader.smaps(pid).value().size());
            pmap[r] = wall("pmap", Long.toString(pid));
            pmapX[r] = wall("pmap", "-X", Long.toString(pid));
        }
        row("maps   kernel (readmaps, read only)", kMaps);
        row("maps   ProcReader.maps (read+parse)", jMaps);
        row("maps   pmap (process, wall)", pmap);
        ratio("maps   ProcReader / kernel (goal <= 1.3)", jMaps, kMaps);
        ratio("maps   pmap / ProcReader (goal >= 5)", pmap, jMaps);
        row("smaps  kernel (readmaps, read only)", kSmaps);
        row("smaps  ProcReader.smaps (read+parse)", jSmaps);
        row("smaps  pmap -X (process, wall)", pmapX);
        ratio("smaps  ProcReader / kernel (goal <= 1.3)", jSmaps, kSmaps);
        ratio("smaps  pmap -X / ProcReader", pmapX, jSmaps);
    }

    private static double wall(String... command) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void straceBench(Path target, int rounds) throws IOException {
        Path log = target.resolve("bench-1M.strace");
        long lines = generate(log, 1_000_000);
        double[] parse = new double[rounds], floor = new double[rounds];
        for (int w = 0; w < 3; w++) {
            StraceParser.parse(log, ProgressMonitor.NONE);
        }
        for (int r = 0; r < rounds; r++) {
            floor[r] = ManyMaps.best(1, () -> countLines(log));
            parse[r] = ManyMaps.best(1, () -> {
                try {
                    StraceLog parsed = StraceParser.parse(log, ProgressMonitor.NONE);
                    if (!parsed.problems().isEmpty() || parsed.lines() != lines) {
                        throw new IllegalStateException(parsed.problems().size() + " problems, " + parsed.lines() + " lines");
                    }
                    return parsed.calls().size();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
        System.out.printf(Locale.ROOT, "strace log: %d lines, %d MB%n", lines, Files.size(log) >> 20);
        row("strace read file + count newlines (floor)", floor);
        row("strace StraceParser.parse", parse);
        double[] rate = Arrays.stream(parse).map(ms -> lines / (ms / 1000) / 1e6).toArray();
        row("strace parse, M lines/s (goal >= 1)", rate);
        ratio("strace parse / floor", parse, floor);
    }

    /** A log in {@code strace -f -tt -e trace=memory} shape: two threads, split calls, failures, signals. */
    private static long generate(Path log, int n) throws IOException {
        long lines = 0;
        try (Writer w = Files.newBufferedWriter(log)) {
            long addr = 0x7f0000000000L;
            for (int i = 0; lines < n; i++) {
                String t = String.format(Locale.ROOT, "%02d:%02d:%02d.%06d", (i / 3_600_000) % 24, (i / 60_000) % 60,
                        (i / 1000) % 60, i % 1_000_000);
                long a = addr + (i % 4096) * 0x10000L;
                switch (i % 10) {
                    case 0, 1, 2 -> w.write("4242  " + t + " mmap(NULL, 65536, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x" + Long.toHexString(a) + "\n");
                    case 3 -> w.write("4242  " + t + " mprotect(0x" + Long.toHexString(a) + ", 4096, PROT_NONE) = 0\n");
                    case 4 -> w.write("4243  " + t + " munmap(0x" + Long.toHexString(a) + ", 65536) = 0\n");
                    case 5 -> w.write("4243  " + t + " madvise(0x" + Long.toHexString(a) + ", 8192, MADV_DONTNEED) = 0\n");
                    case 6 -> w.write("4242  " + t + " mmap(0x" + Long.toHexString(a) + ", 8192, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x" + Long.toHexString(a) + "\n");
                    case 7 -> w.write("4242  " + t + " brk(0x" + Long.toHexString(0x5555_5555_0000L + i * 4096L) + ") = 0x" + Long.toHexString(0x5555_5555_0000L + i * 4096L) + "\n");
                    case 8 -> {
                        w.write("4243  " + t + " mmap(NULL, 1099511627776, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0 <unfinished ...>\n");
                        w.write("4242  " + t + " mremap(0x" + Long.toHexString(a) + ", 4096, 8192, MREMAP_MAYMOVE) = 0x" + Long.toHexString(a + 0x1000000000L) + "\n");
                        w.write("4243  " + t + " <... mmap resumed>) = -1 ENOMEM (Cannot allocate memory)\n");
                        lines += 2;
                    }
                    default -> w.write("4242  " + t + " mprotect(0x" + Long.toHexString(a) + ", 4096, PROT_READ) = 0\n");
                }
                lines++;
            }
        }
        return lines;
    }

    private static long countLines(Path log) {
        try {
            byte[] b = Files.readAllBytes(log);
            long n = 0;
            for (byte c : b) {
                n += c == '\n' ? 1 : 0;
            }
            return n;
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static void row(String name, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-45s min %9.3f  median %9.3f  max %9.3f%n", name, s[0], s[s.length / 2], s[s.length - 1]);
    }

    /** The ratio of medians, and the median of the rounds' own ratios (each round's pair ran back to back). */
    private static void ratio(String name, double[] a, double[] b) {
        double[] perRound = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            perRound[i] = a[i] / b[i];
        }
        System.out.printf(Locale.ROOT, "%-45s %.2f (ratio of medians), %.2f (median of per-round ratios)%n", name,
                ManyMaps.median(a) / ManyMaps.median(b), ManyMaps.median(perRound));
    }
}
