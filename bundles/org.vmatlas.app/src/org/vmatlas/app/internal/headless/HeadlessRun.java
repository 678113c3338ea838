package org.vmatlas.app.internal.headless;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.scenario.Scenario;

/**
 * Fills one session from the chosen source, without a window, then writes it through
 * {@link HeadlessOutputs}: the outputs' folders are checked before any work, the outputs appear only
 * when all are complete. Every problem ends the run as a {@link HeadlessFailure} naming what and why.
 */
public final class HeadlessRun {

    private final RegionModelService models;
    private final PrintStream log;
    private final BooleanSupplier cancelled;

    public HeadlessRun(RegionModelService models, PrintStream log, BooleanSupplier cancelled) {
        this.models = models;
        this.log = log;
        this.cancelled = cancelled;
    }

    public HeadlessRun(RegionModelService models, PrintStream log) {
        this(models, log, () -> false);
    }

    /** Runs the options; returns the session that was filled and written. */
    public Session run(HeadlessOptions options) throws HeadlessFailure, InterruptedException {
        OutputFiles.check(options.targets());
        Session session = switch (options.source()) {
            case SCENARIO -> scenario(options);
            case STRACE -> StraceSource.load(options.input(), rules(options.personality()), models, log, cancelled);
            case PID -> ProcessSource.load(Long.parseLong(options.input()), options.seconds(), models, log, cancelled);
            case TRACE -> TraceSource.launch(options.command(), models, log, cancelled);
            case TRACE_PID -> TraceSource.attach(Long.parseLong(options.input()), options.seconds(), models, log,
                    cancelled);
        };
        try (OutputFiles files = new OutputFiles()) {
            new HeadlessOutputs(options.width(), options.height()).write(session, options.outputs(), options.events(), files);
            if (cancelled.getAsBoolean()) {
                throw HeadlessFailure.badInput("cancelled while writing the outputs");
            }
            files.commit();
        }
        log.printf(Locale.ROOT, "%s: %d events, %d regions; wrote %s%n", Printable.of(session.name()),
                session.timeline().size(), session.space().size(), Printable.of(options.targets().toString()));
        return session;
    }

    private Session scenario(HeadlessOptions options) throws HeadlessFailure {
        Scenario scenario = ScenarioSource.load(options.input());
        String name = "scenario " + scenario.name() + " on " + options.personality();
        KernelSpec spec = options.personality().equals("native") ? new KernelSpec.NativeSandbox(options.arenaBytes())
                : new KernelSpec.Simulated(rules(options.personality()));
        OpenedSession opened = models.open(name, spec);
        if (!opened.isOpen()) {
            throw HeadlessFailure.badInput("--personality native: the sandbox cannot be made here ("
                    + Printable.of(opened.reason()) + ")");
        }
        Session session = opened.session();
        ScenarioSource.run(scenario, session, log, cancelled);
        return session;
    }

    private static Personality rules(String personality) {
        return personality.equals("native") ? Personality.LINUX : Personality.valueOf(personality.toUpperCase(Locale.ROOT));
    }
}
