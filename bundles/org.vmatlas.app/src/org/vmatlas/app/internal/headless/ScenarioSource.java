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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vmatlas.model.Session;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioParser;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.ScenarioStep;
import org.vmatlas.sources.scenario.StepOutcome;

/**
 * A scenario for a headless run: a script file or a shipped lesson, read as UTF-8 text of at most
 * {@link #MAX_SCRIPT_BYTES}, refused with its first mistake, and run step by step with at most
 * {@link #MAX_CALLS} calls. A {@code repeat} with a literal count is measured before anything runs; one
 * whose count is an expression is stopped by {@link BoundedSession} when it passes the limit.
 */
final class ScenarioSource {

    /** Calls a headless scenario may make: a long lesson makes a few thousand. */
    static final long MAX_CALLS = 100_000;

    static final long MAX_SCRIPT_BYTES = 1 << 20;

    private static final Pattern REPEAT = Pattern.compile("repeat\\s+(0x[0-9a-fA-F]+|[0-9]+)([kKmMgGtT]?)(\\s.*)?");

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
        ScenarioRunner runner = new ScenarioRunner(scenario, new BoundedSession(session, MAX_CALLS, cancelled));
        List<ScenarioStep> steps = scenario.steps();
        for (int i = 0; runner.hasNext(); i++) {
            String where = Printable.of(scenario.name()) + " line " + steps.get(i).line();
            StepOutcome outcome;
            try {
                outcome = runner.next();
            } catch (BoundedSession.Stopped e) {
                throw HeadlessFailure.badInput(e.cancelled() ? "cancelled at " + where : where + " " + e.getMessage());
            } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | UncheckedIOException e) {
                throw HeadlessFailure.badInput(where + ": " + Printable.of(e.getMessage()), e);
            } catch (RuntimeException e) {
                throw HeadlessFailure.internal(where + ": the step failed (" + e.getClass().getSimpleName() + ")", e);
            }
            log.println(Printable.of(outcome.describe()));
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
        long calls = 0;
        for (ScenarioStep step : scenario.steps()) {
            Matcher m = REPEAT.matcher(step.text());
            long count = m.matches() ? count(m.group(1), m.group(2)) : 1;
            calls = count == Long.MAX_VALUE ? count : calls + count;
            if (calls > MAX_CALLS) {
                throw HeadlessFailure.badInput(Printable.of(scenario.name()) + " line " + step.line() + ": "
                        + (count > 1 ? "repeat " + Printable.of(m.group(1) + m.group(2)) + " brings the scenario to"
                                : "the scenario reaches")
                        + " more than " + MAX_CALLS + " calls, the most a headless run makes");
            }
        }
        return scenario;
    }

    private static long count(String digits, String unit) {
        try {
            long n = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            int shift = switch (unit.toUpperCase(java.util.Locale.ROOT)) {
                case "K" -> 10;
                case "M" -> 20;
                case "G" -> 30;
                case "T" -> 40;
                default -> 0;
            };
            return n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
