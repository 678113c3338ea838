package org.vmatlas.sources.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.internal.proc.MapsParser;
import org.vmatlas.sources.internal.proc.SmapsParser;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioParser;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.sources.strace.ReplayReport;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.StraceReplay;
import org.vmatlas.syscall.Mapping;

/**
 * The fuzz targets of the sources and their seeds, taken from real inputs (strace logs of {@code ls} and of
 * a threaded python3, copies of {@code /proc/self/maps} and {@code smaps}, the shipped lessons). Each target
 * checks its entry points' contract: documented outcomes only ({@link ParseProblem}s, replay reports, step
 * outcomes), and no message that carries a raw control character.
 */
public final class Targets {

    /** Where the seed files are when they are not on the class path (the benchmark). */
    public static final String SEEDS_PROPERTY = "vmatlas.fuzz.seeds";

    /** One model service for every input: a session is opened per input and closed after it. */
    private static final RegionModelServiceImpl SERVICE = new RegionModelServiceImpl();

    private Targets() {
    }

    public static byte[] seed(String name) throws IOException {
        try (InputStream in = Targets.class.getResourceAsStream("seeds/" + name)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        String dir = System.getProperty(SEEDS_PROPERTY);
        if (dir == null) {
            throw new IOException("seed " + name + " is not on the class path and -D" + SEEDS_PROPERTY + " is not set");
        }
        return Files.readAllBytes(Path.of(dir, name));
    }

    public static List<byte[]> straceSeeds() throws IOException {
        return List.of(seed("ls.strace"), seed("py-threads.strace"));
    }

    public static List<byte[]> mapsSeeds() throws IOException {
        return List.of(seed("self.maps"));
    }

    public static List<byte[]> smapsSeeds() throws IOException {
        return List.of(seed("self.smaps"));
    }

    public static List<byte[]> scenarioSeeds() {
        List<byte[]> out = new ArrayList<>();
        for (String name : Lessons.names()) {
            out.add(Lessons.text(name).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static Personality personality(byte[] input) {
        Personality[] all = Personality.values();
        return all[Math.floorMod(java.util.Arrays.hashCode(input), all.length)];
    }

    static void printable(List<ParseProblem> problems) {
        for (ParseProblem p : problems) {
            printable(p.message());
        }
    }

    static void printable(String message) {
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                throw new AssertionError("unprintable character U+" + Integer.toHexString(c) + " in: "
                        + org.vmatlas.sources.Printable.escape(message));
            }
        }
    }

    /** strace log bytes: parsed, then replayed into a session of some personality. */
    public static void strace(byte[] input) {
        StraceLog log = StraceParser.parse(input, "fuzz.strace");
        printable(log.problems());
        Session session = SERVICE.openReplaySession("fuzz", personality(input));
        try {
            ReplayReport report = new StraceReplay(session, Set.of(), "fuzz.strace").replay(log.calls(),
                    ProgressMonitor.NONE);
            printable(report.problems());
            session.space().regions();
        } finally {
            SERVICE.close(session);
        }
    }

    /** maps bytes: parsed whole and in chunks (the same result), then handed to an observed session. */
    public static void maps(byte[] input) {
        List<Mapping> whole = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        new MapsParser().parse(input, input.length, "fuzz/maps", whole, problems);
        printable(problems);
        List<Mapping> chunked = new ArrayList<>();
        MapsParser parser = new MapsParser("fuzz/maps", chunked, new ArrayList<>());
        int step = 1 + Math.floorMod(java.util.Arrays.hashCode(input), 97);
        byte[] buffer = new byte[input.length];
        int kept = 0;
        for (int from = 0; from < input.length; from += step) {
            int n = Math.min(step, input.length - from);
            System.arraycopy(input, from, buffer, kept, n);
            int end = kept + n;
            int used = parser.parse(buffer, 0, end, from + n == input.length);
            System.arraycopy(buffer, used, buffer, 0, end - used);
            kept = end - used;
        }
        if (!whole.equals(chunked)) {
            throw new AssertionError("chunked reading differs: " + whole.size() + " vs " + chunked.size() + " mappings");
        }
        Session session = SERVICE.openObservedSession("fuzz");
        try {
            new SessionSink(session, 1).snapshot(new MapsSnapshot(1, whole, problems, 0));
            session.space().regions();
        } finally {
            SERVICE.close(session);
        }
    }

    /** smaps bytes: parsed for every region and for a selection of the first one. */
    public static void smaps(byte[] input) {
        List<SmapsEntry> all = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        new SmapsParser(null).parse(input, input.length, "fuzz/smaps", all, problems);
        printable(problems);
        if (!all.isEmpty()) {
            Mapping first = all.getFirst().mapping();
            List<SmapsEntry> some = new ArrayList<>();
            new SmapsParser(new long[] {first.start(), first.end()}).parse(input, input.length, "fuzz/smaps", some,
                    new ArrayList<>());
        }
    }

    /** scenario text: parsed; a runnable one runs on a simulated kernel for at most {@code millis}. */
    public static void scenario(byte[] input, long millis) {
        Scenario scenario = ScenarioParser.parse(new String(input, StandardCharsets.UTF_8), "fuzz.vms");
        printable(scenario.problems());
        if (!scenario.runnable()) {
            return;
        }
        Personality p = personality(input);
        Session session = SERVICE.openSession("fuzz", p.newKernel());
        try {
            run(scenario, session, millis);
        } finally {
            SERVICE.close(session);
        }
    }

    private static void run(Scenario scenario, Session session, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000;
        ScenarioRunner runner = new ScenarioRunner(scenario, session);
        List<StepOutcome> outcomes = runner.runAll(new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return System.nanoTime() > deadline;
            }
        });
        for (StepOutcome o : outcomes) {
            printable(o.describe());
        }
        session.space().regions();
    }
}
