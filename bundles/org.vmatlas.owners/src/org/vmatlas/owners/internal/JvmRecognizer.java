package org.vmatlas.owners.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RecognitionContext;
import org.vmatlas.owners.Recognizer;
import org.vmatlas.owners.RegionType;

/**
 * A HotSpot JVM (a process that maps {@code libjvm.so}): its Java heap, code cache, metaspace and class space.
 * A live JVM is asked through {@code jcmd} ({@link JvmReport}); the reservations it reports last for the
 * JVM's life, so the answer is kept per process start. Without {@code jcmd} the layout tells some of it:
 * the class space is reserved right after the CDS archive ({@code classes.jsa}).
 */
@Component(service = Recognizer.class)
public final class JvmRecognizer implements Recognizer {

    private final Map<String, List<JvmReport.Range>> reports = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<JvmReport.Range>> eldest) {
            return size() > 16;
        }
    };

    @Override
    public String name() {
        return "JVM";
    }

    @Override
    public void recognize(RecognitionContext context) {
        List<Region> regions = context.regions();
        boolean jvm = false;
        for (int i = 0; i < regions.size() && !jvm; i++) {
            jvm = context.owner(i).type() == RegionType.IMAGE && "libjvm.so".equals(context.owner(i).name());
        }
        if (!jvm) {
            return;
        }
        List<JvmReport.Range> ranges = context.pid().isPresent() ? report(context.pid().getAsLong()) : List.of();
        if (ranges.isEmpty()) {
            ranges = byLayout(context);
        }
        for (JvmReport.Range range : ranges) {
            for (int i = Math.max(0, context.indexAt(range.start())); i < regions.size()
                    && Long.compareUnsigned(regions.get(i).start(), range.end()) < 0; i++) {
                Region r = regions.get(i);
                if (Long.compareUnsigned(r.end(), range.start()) > 0 && KernelNames.isAnonymousPrivate(r)) {
                    context.claim(i, owner(range.purpose(), r));
                }
            }
        }
    }

    private static Owner owner(String purpose, Region r) {
        String part = r.prot() == 0 ? "reserve" : null;
        RegionType type = switch (purpose) {
            case "Java heap" -> RegionType.HEAP;
            case "code cache" -> RegionType.CODE;
            default -> RegionType.PRIVATE_DATA;
        };
        return new Owner(type, purpose, part, 0);
    }

    private synchronized List<JvmReport.Range> report(long pid) {
        String key = pid + "@" + startTime(pid);
        return reports.computeIfAbsent(key, k -> JvmReport.read(pid));
    }

    private static String startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return after.length > 19 ? after[19] : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** The class space: anonymous memory right after the last mapping of the CDS archive. */
    private static List<JvmReport.Range> byLayout(RecognitionContext context) {
        List<Region> regions = context.regions();
        List<JvmReport.Range> out = new ArrayList<>();
        for (int i = 0; i + 1 < regions.size(); i++) {
            if (!regions.get(i).backing().name().endsWith(".jsa")) {
                continue;
            }
            int j = i + 1;
            while (j < regions.size() && regions.get(j).start() == regions.get(j - 1).end()
                    && (KernelNames.isAnonymousPrivate(regions.get(j)) || regions.get(j).backing().name().endsWith(".jsa"))) {
                j++;
            }
            int last = j - 1;
            while (last > i && !KernelNames.isAnonymousPrivate(regions.get(last))) {
                last--;
            }
            int firstAnon = i + 1;
            while (firstAnon <= last && !KernelNames.isAnonymousPrivate(regions.get(firstAnon))) {
                firstAnon++;
            }
            if (firstAnon <= last && regions.get(last).backing().name().isEmpty()) {
                // the archive's own padding comes first; the class space starts at the first aligned range after it
                out.add(new JvmReport.Range(regions.get(firstAnon).start(), regions.get(last).end(), "class space"));
            }
            i = j - 1;
        }
        return out;
    }
}
