package org.vmatlas.app.internal.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.live.MapsPoller;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioParser;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.sources.strace.ReplayReport;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.StraceReplay;
import org.vmatlas.syscall.NativeKernel;

/**
 * Fills one session from the chosen source, without a window, then hands it to {@link HeadlessOutputs}.
 * Problems of the input (a bad script line, malformed strace lines, a process that exits) are printed
 * with where they are; what could be loaded is still written.
 */
public final class HeadlessRun {

    private final RegionModelService models;
    private final PrintStream log;

    public HeadlessRun(RegionModelService models, PrintStream log) {
        this.models = models;
        this.log = log;
    }

    /** Runs the options; returns the session that was filled. */
    public Session run(HeadlessOptions options) throws IOException, InterruptedException {
        Session session = switch (options.source()) {
            case SCENARIO -> scenario(options);
            case STRACE -> strace(options);
            case PID -> process(options);
        };
        new HeadlessOutputs(options.width(), options.height()).write(session, options.outputs(), options.events());
        log.printf(Locale.ROOT, "%s: %d events, %d regions; wrote %s%s%n", session.name(), session.timeline().size(),
                session.space().size(), options.outputs(), options.events() == null ? "" : " and " + options.events());
        return session;
    }

    private Session scenario(HeadlessOptions options) throws IOException {
        Path file = Path.of(options.input());
        Scenario scenario = Files.isRegularFile(file)
                ? ScenarioParser.parse(Files.readString(file), file.getFileName().toString())
                : Lessons.load(lessonName(options.input()));
        if (!scenario.runnable()) {
            throw new IllegalArgumentException(scenario.problems().getFirst().toString());
        }
        Session session = open("scenario " + scenario.name() + " on " + options.personality(), options.personality());
        ScenarioRunner runner = new ScenarioRunner(scenario, session);
        for (StepOutcome outcome : runner.runAll(ProgressMonitor.NONE)) {
            log.println(outcome.describe());
        }
        return session;
    }

    private static String lessonName(String name) {
        String file = name.endsWith(".vms") ? name : name + ".vms";
        if (!Lessons.names().contains(file)) {
            throw new IllegalArgumentException("no lesson or file '" + name + "'; lessons: " + Lessons.names());
        }
        return file;
    }

    private Session strace(HeadlessOptions options) throws IOException {
        Path file = Path.of(options.input());
        StraceLog parsed = StraceParser.parse(file, ProgressMonitor.NONE);
        parsed.problems().stream().limit(20).forEach(problem -> log.println(file + ": " + problem));
        Personality rules = personality(options.personality());
        Session session = models.openReplaySession("strace " + file.getFileName(), rules);
        ReplayReport report = new StraceReplay(session, parsed.pids(), "strace").replay(parsed.calls(), ProgressMonitor.NONE);
        log.println(file + ": " + report);
        return session;
    }

    private Session process(HeadlessOptions options) throws InterruptedException {
        long pid = (long) Double.parseDouble(options.input());
        Session session = models.openObservedSession("pid " + pid);
        if (options.seconds() <= 0) {
            ProcResult<MapsSnapshot> maps = new ProcReader().maps(pid);
            if (!maps.isRead()) {
                throw new IllegalArgumentException(maps.failure().message());
            }
            new SessionSink(session, pid).snapshot(maps.value());
            return session;
        }
        MapsPoller poller = SessionSink.follow(pid, session);
        Thread.sleep((long) (options.seconds() * 1000));
        poller.close();
        if (poller.endedBy() != null) {
            log.println(poller.endedBy().message());
        }
        return session;
    }

    private Session open(String name, String personality) {
        if (personality.equals("native")) {
            return models.openSession(name, NativeKernel.open());
        }
        return models.openSession(name, personality(personality).newKernel());
    }

    private static Personality personality(String name) {
        return name.equals("native") ? Personality.LINUX : Personality.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
