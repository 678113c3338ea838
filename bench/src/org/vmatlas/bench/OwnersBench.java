package org.vmatlas.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.TypeSummary;
import org.vmatlas.owners.internal.ClassifierCore;
import org.vmatlas.owners.internal.GlibcArenaRecognizer;
import org.vmatlas.owners.internal.GoHeapRecognizer;
import org.vmatlas.owners.internal.JvmRecognizer;
import org.vmatlas.owners.internal.ProcessRegions;
import org.vmatlas.sources.proc.ProcReader;

/**
 * Classifying and summarising a 60k-mapping process ({@code manymaps anon 60000}) against the kernel's own cost
 * of handing out its {@code /proc} files ({@code readmaps}: open, read to the end, close), in one run with
 * interleaved rounds, medians compared:
 * <ul>
 * <li>maps: read and parse {@code maps}, classify every region (all recognizers), sum by type; goal at most
 * 1.5 times the kernel's read of {@code maps};</li>
 * <li>smaps: read and parse {@code smaps} once, classify with its residency, sum by type; goal at most 1.3
 * times the kernel's read of {@code smaps}.</li>
 * </ul>
 * usage: OwnersBench TARGET_DIR [ROUNDS=11] [VMAS=60000]
 */
public final class OwnersBench {


    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int vmas = args.length > 2 ? Integer.parseInt(args[2]) : 60000;
        try (ManyMaps many = new ManyMaps(target, vmas)) {
            run(target, many.pid(), rounds);
        }
    }

    private static void run(Path target, long pid, int rounds) throws Exception {
        ProcReader reader = new ProcReader();
        ClassifierCore core = new ClassifierCore();
        List<Recognizer> recognizers = List.of(new GlibcArenaRecognizer(), new GoHeapRecognizer(), new JvmRecognizer());
        LongSupplier byMaps = () -> {
            List<org.vmatlas.model.Region> regions = ProcessRegions.of(reader.maps(pid).value().mappings());
            Classification c = core.classify(regions, OptionalLong.of(pid), recognizers, false, null);
            return TypeSummary.of(c).total().regions();
        };
        LongSupplier bySmaps = () -> TypeSummary.of(core.classifySmaps(pid, recognizers)).total().regions();
        System.out.printf(Locale.ROOT, "process %d: %d mappings (manymaps), summary rows: %s%n", pid,
                reader.maps(pid).value().mappings().size(),
                TypeSummary.of(core.classifySmaps(pid, recognizers)).rows().stream()
                        .map(r -> r.label() + " " + r.regions()).toList());
        for (int w = 0; w < 5; w++) {
            byMaps.getAsLong();
            bySmaps.getAsLong();
        }
        List<org.vmatlas.model.Region> held = ProcessRegions.of(reader.maps(pid).value().mappings());
        LongSupplier classifyOnly = () -> TypeSummary.of(core.classify(held, OptionalLong.of(pid), recognizers, false,
                null)).total().regions();
        double[] classified = new double[rounds];
        double[] kMaps = new double[rounds], kSmaps = new double[rounds], jMaps = new double[rounds],
                jSmaps = new double[rounds], readOnly = new double[rounds], smapsOnly = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] kernel = ManyMaps.kernelReads(target, pid);
            kMaps[r] = kernel[0];
            kSmaps[r] = kernel[1];
            readOnly[r] = ManyMaps.best(3, () -> reader.maps(pid).value().mappings().size());
            jMaps[r] = ManyMaps.best(3, byMaps);
            classified[r] = ManyMaps.best(3, classifyOnly);
            smapsOnly[r] = ManyMaps.best(3, () -> reader.smaps(pid).value().size());
            jSmaps[r] = ManyMaps.best(3, bySmaps);
        }
        row("maps   kernel (readmaps, read only)", kMaps);
        row("maps   ProcReader.maps alone (read+parse)", readOnly);
        row("maps   read+parse+classify+summary", jMaps);
        ratio("maps   classify+summary / kernel (goal <= 1.5)", jMaps, kMaps);
        row("maps   of which classify+summary (regions held)", classified);
        ratio("maps   ProcReader.maps alone / kernel", readOnly, kMaps);
        row("smaps  kernel (readmaps, read only)", kSmaps);
        row("smaps  ProcReader.smaps alone (read+parse)", smapsOnly);
        row("smaps  read+parse+classify+residency+summary", jSmaps);
        ratio("smaps  ProcReader.smaps alone / kernel", smapsOnly, kSmaps);
        ratio("smaps  summary / kernel (goal <= 1.3)", jSmaps, kSmaps);
    }

    private static void row(String name, double[] ms) {
        System.out.printf(Locale.ROOT, "%-48s median %8.2f ms (min %.2f, max %.2f)%n", name, ManyMaps.median(ms),
                Arrays.stream(ms).min().orElse(0), Arrays.stream(ms).max().orElse(0));
    }

    private static void ratio(String name, double[] a, double[] b) {
        System.out.printf(Locale.ROOT, "%-48s %8.2f%n", name, ManyMaps.median(a) / ManyMaps.median(b));
    }
}
