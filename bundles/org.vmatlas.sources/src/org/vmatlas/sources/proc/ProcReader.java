package org.vmatlas.sources.proc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.internal.proc.MapsParser;
import org.vmatlas.sources.internal.proc.ProcFile;
import org.vmatlas.sources.internal.proc.ProcessLister;
import org.vmatlas.sources.internal.proc.SmapsParser;
import org.vmatlas.syscall.Mapping;

/**
 * Reads the memory picture of a live process from {@code /proc}: {@code maps} (what is mapped),
 * {@code smaps} (how much of it is resident, shared, dirty, swapped) on demand for a selection, and
 * {@code smaps_rollup} (the totals). Errors come back as {@link ProcFailure}s ("process 1234 has
 * exited", "you may not read the maps of process 1 (owner root)"), never as exceptions.
 * <p>
 * Keeps its read buffer between calls, so a poller reading the same process ten times a second
 * allocates nothing for the file. Not thread-safe: one reader per thread.
 */
public final class ProcReader {

    private final Path procRoot;
    private final ProcFile file = new ProcFile();
    private final MapsParser maps = new MapsParser();
    private int lastMapsCount;

    /** A reader of the real {@code /proc}. */
    public ProcReader() {
        this(Path.of("/proc"));
    }

    /** A reader of a {@code /proc}-shaped directory (tests, saved copies). */
    public ProcReader(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** How many times a torn reading of a live process's maps is read again before it is reported. */
    static final int TORN_READS = 3;

    /**
     * {@code /proc/PID/maps}: every mapping, malformed lines reported and skipped. The kernel writes the file in
     * several reads and the process may change its mappings between two of them (a busy JVM does, many times a
     * second): the reading then has lines out of order, which no single moment had. Such a reading is read
     * again, up to {@value #TORN_READS} times; what is still out of order after that is reported.
     */
    public ProcResult<MapsSnapshot> maps(long pid) {
        ProcResult<MapsSnapshot> reading = readMaps(pid);
        for (int again = 1; again < TORN_READS && reading.isRead() && torn(reading.value()); again++) {
            reading = readMaps(pid);
        }
        return reading;
    }

    private static boolean torn(MapsSnapshot snapshot) {
        return snapshot.problems().stream().anyMatch(p -> p.reason().startsWith("overlaps the line before")
                || p.reason().startsWith("out of order"));
    }

    private ProcResult<MapsSnapshot> readMaps(long pid) {
        Path path = procRoot.resolve(Long.toString(pid)).resolve("maps");
        List<Mapping> mappings = new ArrayList<>(Math.max(16, lastMapsCount + lastMapsCount / 8));
        List<ParseProblem> problems = new ArrayList<>();
        ProcFailure failure = file.readAndParse(path, pid, "maps", new MapsParser(path.toString(), mappings, problems));
        if (failure != null) {
            return ProcResult.failed(failure);
        }
        lastMapsCount = mappings.size();
        return ProcResult.read(new MapsSnapshot(pid, mappings, problems, System.nanoTime()));
    }

    /** Any file in {@code maps} format (a saved copy): {@code pid} only names the process in messages. */
    public ProcResult<MapsSnapshot> mapsFile(Path path) {
        ProcFailure failure = file.read(path, -1, "file");
        if (failure != null) {
            return ProcResult.failed(failure);
        }
        List<Mapping> mappings = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        maps.parse(file.bytes(), file.length(), path.toString(), mappings, problems);
        return ProcResult.read(new MapsSnapshot(-1, mappings, problems, System.nanoTime()));
    }

    /** {@code /proc/PID/smaps} for every region. */
    public ProcResult<List<SmapsEntry>> smaps(long pid) {
        return smaps(pid, (long[]) null);
    }

    /** {@code /proc/PID/smaps} for the regions overlapping the selected mappings (the table's selection). */
    public ProcResult<List<SmapsEntry>> smaps(long pid, List<Mapping> selection) {
        long[] ranges = new long[selection.size() * 2];
        List<Mapping> sorted = new ArrayList<>(selection);
        sorted.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        for (int i = 0; i < sorted.size(); i++) {
            ranges[2 * i] = sorted.get(i).start();
            ranges[2 * i + 1] = sorted.get(i).end();
        }
        return smaps(pid, ranges);
    }

    /** The smaps figures of the one region holding {@code address}; {@code Read(null)} when nothing is mapped there. */
    public ProcResult<SmapsEntry> smapsAt(long pid, long address) {
        ProcResult<List<SmapsEntry>> all = smaps(pid, new long[] { address, address + 1 });
        if (!all.isRead()) {
            return ProcResult.failed(all.failure());
        }
        return ProcResult.read(all.value().isEmpty() ? null : all.value().getFirst());
    }

    private ProcResult<List<SmapsEntry>> smaps(long pid, long[] ranges) {
        Path path = procRoot.resolve(Long.toString(pid)).resolve("smaps");
        List<SmapsEntry> entries = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        SmapsParser parser = new SmapsParser(ranges).start(path.toString(), entries, problems);
        ProcFailure failure = file.readAndParse(path, pid, "smaps", parser);
        if (failure != null) {
            return ProcResult.failed(failure);
        }
        if (!problems.isEmpty() && entries.isEmpty()) {
            return ProcResult.failed(new ProcFailure(ProcFailure.Kind.IO, pid, problems.getFirst().message()));
        }
        return ProcResult.read(entries);
    }

    /** {@code /proc/PID/smaps_rollup}: the process's totals, summed by the kernel. */
    public ProcResult<MemoryCounters> smapsRollup(long pid) {
        Path path = procRoot.resolve(Long.toString(pid)).resolve("smaps_rollup");
        ProcFailure failure = file.read(path, pid, "smaps_rollup");
        if (failure != null) {
            return ProcResult.failed(failure);
        }
        SmapsParser parser = new SmapsParser(null);
        List<SmapsEntry> entries = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        parser.parse(file.bytes(), file.length(), path.toString(), entries, problems);
        if (entries.isEmpty()) {
            // a zombie or kernel thread has no memory: the file is empty
            return ProcResult.read(MemoryCounters.ZERO);
        }
        return ProcResult.read(entries.getFirst().counters());
    }

    /** Every process visible in {@code /proc}, by pid; mapping counts are {@code -1} where we may not read. */
    public List<ProcessInfo> processes() {
        return new ProcessLister(procRoot, file).list();
    }

    /** One process, or a failure when it has exited. */
    public ProcResult<ProcessInfo> process(long pid) {
        return new ProcessLister(procRoot, file).describe(pid);
    }
}
