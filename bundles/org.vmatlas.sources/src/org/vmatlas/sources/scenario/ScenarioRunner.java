package org.vmatlas.sources.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.ForkResult;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.model.sim.SimulatedKernel;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.internal.scenario.Bindings;
import org.vmatlas.sources.internal.scenario.Calls;
import org.vmatlas.sources.internal.scenario.Expectations;
import org.vmatlas.sources.internal.scenario.Instruction;

/**
 * Runs a scenario against a session step by step: each {@link #next()} runs one line and tells what it
 * did (its events, its narration, whether an expectation held). Names are bound to what the kernel
 * answered, so the same script runs on every personality. An unbound name, a division by zero, a repeat
 * count out of bounds or a run that would make more than {@link Scenario#MAX_CALLS} calls stops the run
 * with an {@link StepOutcome.Status#ERROR} naming the line (these are the runner's documented errors: no
 * exception leaves {@link #next()} for them); a call that fails is an ordinary outcome. A long step is
 * cancelled through the monitor given to {@link #next(ProgressMonitor)} or {@link #runAll}, between steps
 * and every {@value #CHECK_EVERY} repetitions within one: a step stopped part way ends the run with an
 * {@link StepOutcome.Status#ERROR} outcome that keeps its events, and {@link #canceled()} tells it apart.
 */
public final class ScenarioRunner {

    private final Scenario scenario;
    private final Session session;
    private final String personality;
    private final Bindings bindings;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private Event last;
    private List<Event> lastStep = List.of();
    private ForkResult lastFork;
    private int next;
    private boolean stopped;
    private long calls;
    private boolean canceled;
    private final long maxCalls;
    private ProgressMonitor monitor = ProgressMonitor.NONE;

    /** Repetitions between two looks at the monitor. */
    static final int CHECK_EVERY = 256;

    public ScenarioRunner(Scenario scenario, Session session) {
        if (!scenario.runnable()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " has errors: "
                    + scenario.problems().getFirst().message());
        }
        this.scenario = scenario;
        this.session = session;
        Personality p = session.personality();
        this.personality = p == null ? "linux" : p.name().toLowerCase(Locale.ROOT);
        this.bindings = new Bindings(session.kernel() != null ? session.kernel().pageSize() : 4096, session.mapCountLimit(),
                session.arena() != null ? session.arena().start() : Bindings.SIMULATED_ARENA);
        this.maxCalls = Math.max(Scenario.MAX_CALLS, 2L * session.mapCountLimit());
    }

    public boolean hasNext() {
        return !stopped && next < scenario.steps().size();
    }

    /** Runs the next step. */
    public StepOutcome next() {
        return next(ProgressMonitor.NONE);
    }

    /** Runs the next step, stopping part way through a long one when {@code monitor} is cancelled. */
    public StepOutcome next(ProgressMonitor monitor) {
        this.monitor = monitor;
        if (!hasNext()) {
            throw new IllegalStateException("scenario " + scenario.name() + " has no more steps");
        }
        ScenarioStep step = scenario.steps().get(next);
        Instruction instruction = scenario.instructions().get(next);
        next++;
        StepOutcome outcome;
        try {
            outcome = run(step, instruction);
        } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
            stopped = true;
            outcome = new StepOutcome(step, StepOutcome.Status.ERROR, List.of(), e.getMessage());
        } catch (Canceled c) {
            stopped = true;
            canceled = true;
            outcome = new StepOutcome(step, StepOutcome.Status.ERROR, c.events, "cancelled after "
                    + c.events.size() + " calls");
        }
        outcomes.add(outcome);
        if (!outcome.events().isEmpty()) {
            lastStep = outcome.events();
        }
        return outcome;
    }

    /** Runs the remaining steps, reporting progress in steps; stops early when cancelled. */
    public List<StepOutcome> runAll(ProgressMonitor monitor) {
        monitor.begin("Running " + scenario.title(), scenario.steps().size());
        while (hasNext() && !monitor.isCanceled()) {
            next(monitor);
            monitor.worked(next);
        }
        monitor.done();
        return List.copyOf(outcomes);
    }

    /** Every outcome so far. */
    public List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Whether every expectation so far held and no step stopped the run. */
    public boolean passed() {
        return outcomes.stream().noneMatch(o -> o.status() == StepOutcome.Status.UNMET
                || o.status() == StepOutcome.Status.ERROR);
    }

    /** Whether a monitor stopped a step part way (the last outcome then says how far it got). */
    public boolean canceled() {
        return canceled;
    }

    private StepOutcome run(ScenarioStep step, Instruction instruction) {
        String source = "scenario " + scenario.name() + ":" + step.line();
        switch (instruction) {
            case Instruction.Say say -> {
                return new StepOutcome(step, StepOutcome.Status.SAID, List.of(), say.text());
            }
            case Instruction.Expect e -> {
                if (!e.on().isEmpty() && !e.on().contains(personality)) {
                    return new StepOutcome(step, StepOutcome.Status.SKIPPED, List.of(), "not for " + personality);
                }
                String why = switch (e.kind()) {
                    case CAVEAT -> lastFork == null || lastFork.caveats().isEmpty() ? "expected a fork caveat, got none" : null;
                    case NO_CAVEAT -> lastFork != null && !lastFork.caveats().isEmpty()
                            ? "expected no fork caveat, got " + lastFork.caveats() : null;
                    default -> Expectations.check(e, lastStep, session.space(), bindings);
                };
                return new StepOutcome(step, why == null ? StepOutcome.Status.MET : StepOutcome.Status.UNMET, List.of(),
                        why == null ? "as expected" : why);
            }
            case Instruction.Fork f -> {
                return fork(step);
            }
            case Instruction.Memfd m -> {
                calls += 2;
                Event created = session.apply(new Call.MemfdCreate(m.name()), source);
                last = created;
                if (!created.result().isOk()) {
                    return new StepOutcome(step, StepOutcome.Status.DONE, List.of(created), created.result().describe());
                }
                int fd = (int) created.result().value();
                bindings.bindDescriptor(m.name(), fd);
                last = session.apply(new Call.Ftruncate(fd, m.size().value(bindings)), source);
                return new StepOutcome(step, StepOutcome.Status.DONE, List.of(created, last), last.result().describe());
            }
            case Instruction.Only only -> {
                if (!only.personalities().contains(personality)) {
                    return new StepOutcome(step, StepOutcome.Status.SKIPPED, List.of(), "not for " + personality);
                }
                return run(step, only.body());
            }
            case Instruction.Repeat r -> {
                List<Event> events = new ArrayList<>();
                int failed = 0;
                long count = r.count().value(bindings);
                if (count < 1 || count > maxCalls - calls) {
                    throw new IllegalStateException("repeat count " + count + (count < 1 ? " is below 1"
                            : " would bring the run to " + (calls + count) + " calls, more than the " + maxCalls
                                    + " a run may make"));
                }
                for (long i = 0; i < count; i++) {
                    if (i % CHECK_EVERY == CHECK_EVERY - 1 && monitor.isCanceled()) {
                        throw new Canceled(events);
                    }
                    bindings.counter(i);
                    Event e = call(r.body(), source);
                    events.add(e);
                    failed += e.failed() ? 1 : 0;
                }
                return new StepOutcome(step, StepOutcome.Status.DONE, events,
                        count + " calls, " + failed + " failed; last " + last.result().describe());
            }
            default -> {
                Event e = call(instruction, source);
                return new StepOutcome(step, StepOutcome.Status.DONE, List.of(e), e.result().describe());
            }
        }
    }

    /** A step stopped part way by the monitor, with the events it made. */
    private static final class Canceled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient List<Event> events;

        Canceled(List<Event> events) {
            super(null, null, false, false);
            this.events = events;
        }
    }

    private Event call(Instruction instruction, String source) {
        if (++calls > maxCalls) {
            throw new IllegalStateException("the run would make more than " + maxCalls + " calls");
        }
        Call call = Calls.of(instruction, bindings, session.personality());
        String bind = Calls.bindName(instruction);
        long length = bind != null ? Calls.boundLength(instruction, bindings) : 0;
        last = session.apply(call, source);
        if (bind != null) {
            if (last.result().isOk()) {
                bindings.bind(bind, last.result().value(), length);
            } else {
                bindings.failed(bind, "its call failed with " + last.result().describe());
            }
        }
        return last;
    }

    private StepOutcome fork(ScenarioStep step) {
        if (!(session.kernel() instanceof SimulatedKernel kernel)) {
            return new StepOutcome(step, StepOutcome.Status.SKIPPED, List.of(),
                    "fork is shown on simulated kernels only (the native sandbox does not fork the JVM)");
        }
        lastFork = kernel.fork();
        lastFork.child().close();
        return new StepOutcome(step, StepOutcome.Status.DONE, List.of(), lastFork.caveats().isEmpty()
                ? "the child inherits every mapping as it is" : String.join("; ", lastFork.caveats()));
    }
}
