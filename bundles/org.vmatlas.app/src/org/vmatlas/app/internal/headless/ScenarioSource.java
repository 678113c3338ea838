package org.vmatlas.app.internal.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.Session;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioParser;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.ScenarioStep;
import org.vmatlas.sources.scenario.StepOutcome;

/**
 * A scenario for a headless run: a script file or a shipped lesson, read as UTF-8 text of at most
 * {@link #MAX_SCRIPT_BYTES}, refused with its first mistake, and run step by step. The scenario's own
 * bounds hold: the parser refuses literal repeat counts past {@link Scenario#MAX_CALLS} calls, the runner
 * stops a computed one before it starts and is cancelled through its monitor.
 */
final class ScenarioSource {

    static final long MAX_SCRIPT_BYTES = 1 << 20;

    private ScenarioSource() {
    }

    /** The scenario {@code input} names: an existing file first, then a lesson. */
    static Scenario load(String input) throws HeadlessFailure {
        Path file;
        try {
            file = Path.of(input);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && Files.exists(file)) {
            return checked(parse(file, input));
        }
        String lesson = input.endsWith(".vms") ? input : input + ".vms";
        if (!lesson.contains("/") && Lessons.names().contains(lesson)) {
            return checked(Lessons.load(lesson));
        }
        if (input.contains("/") || input.endsWith(".vms")) {
            throw IoReasons.cannotRead(input, new NoSuchFileException(input));
        }
        throw HeadlessFailure.badInput("no lesson or scenario file '" + Printable.of(input)
                + "' (vmatlas --headless --list shows the lessons)");
    }

    /** Runs every step; an error step, a limit or a cancellation stops the run with the line it was on. */
    static void run(Scenario scenario, Session session, PrintStream log, BooleanSupplier cancelled) throws HeadlessFailure {
        ScenarioRunner runner = new ScenarioRunner(scenario, session);
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
        List<ScenarioStep> steps = scenario.steps();
        for (int i = 0; runner.hasNext(); i++) {
            String where = Printable.of(scenario.name()) + " line " + steps.get(i).line();
            StepOutcome outcome;
            try {
                outcome = runner.next(monitor);
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | UncheckedIOException e) {
                throw HeadlessFailure.badInput(where + ": " + Printable.of(e.getMessage()), e);
            } catch (RuntimeException e) {
                throw HeadlessFailure.internal(where + ": the step failed (" + e.getClass().getSimpleName() + ")", e);
            }
            log.println(Printable.of(outcome.describe()));
            if (runner.canceled()) {
                throw HeadlessFailure.badInput("cancelled at " + where);
            }
            if (outcome.status() == StepOutcome.Status.ERROR) {
                throw HeadlessFailure.badInput(where + ": " + Printable.of(outcome.message()));
            }
        }
    }

    private static Scenario parse(Path file, String name) throws HeadlessFailure {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("Is a directory");
            }
            long size = Files.size(file);
            if (size > MAX_SCRIPT_BYTES) {
                throw HeadlessFailure.badInput(Printable.of(name) + " is " + size + " bytes, more than the "
                        + MAX_SCRIPT_BYTES + " a scenario script may have");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = Text.utf8(bytes, Printable.of(name) + " is not a scenario script");
            return ScenarioParser.parse(text, name);
        } catch (IOException | UncheckedIOException e) {
            throw IoReasons.cannotRead(name, e);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw HeadlessFailure.badInput(Printable.of(name) + ": " + Printable.of(e.getMessage()), e);
        }
    }

    private static Scenario checked(Scenario scenario) throws HeadlessFailure {
        List<ParseProblem> problems = scenario.problems();
        if (!problems.isEmpty()) {
            ParseProblem first = problems.getFirst();
            throw HeadlessFailure.badInput(Printable.of(first.file()) + " line " + first.line() + ": "
                    + Printable.of(first.reason()) + (problems.size() == 2 ? " (and 1 more mistake)"
                            : problems.size() > 2 ? " (and " + (problems.size() - 1) + " more mistakes)" : ""));
        }
        return scenario;
    }
}
