package org.vmatlas.app.internal.headless;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code vmatlas --headless} was asked to do, checked: one source, outputs by extension, each
 * named once, and a map no larger than {@link #MAX_PIXELS}. Made by {@link #parse}, which reads the
 * arguments with picocli ({@link HeadlessCommand}) and turns every mistake into one sentence.
 */
public record HeadlessOptions(Mode mode, Source source, String input, String personality, double seconds,
        List<Path> outputs, Path events, int width, int height, long arenaBytes, List<String> command) {

    /** Print the help, print the lessons, render, or compare two processes by owner. */
    public enum Mode { HELP, LIST, RUN, COMPARE_OWNERS }

    public enum Source { SCENARIO, STRACE, PID, TRACE, TRACE_PID }

    /** Pixels a map may have: two 4-byte copies of it stay well inside the default 2 GB heap. */
    public static final long MAX_PIXELS = 40_000_000;

    private static final List<String> MAPS_AND_REGIONS = List.of("png", "svg", "csv", "json");
    private static final List<String> EVENTS = List.of("csv", "json");

    /** Reads the arguments; a {@link HeadlessFailure#BAD_INPUT} failure names the first mistake. */
    public static HeadlessOptions parse(String... args) throws HeadlessFailure {
        HeadlessCommand c = new HeadlessCommand();
        CommandLine line = new CommandLine(c);
        line.setExpandAtFiles(false);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            throw HeadlessFailure.badInput(sentence(e));
        }
        if (c.help) {
            return new HeadlessOptions(Mode.HELP, null, null, c.personality, 0, List.of(), null, c.width, c.height, c.arenaMiB << 20, List.of());
        }
        if (c.list) {
            return new HeadlessOptions(Mode.LIST, null, null, c.personality, 0, List.of(), null, c.width, c.height, c.arenaMiB << 20,
                    List.of());
        }
        if (c.compareOwners != null) {
            if (c.scenario != null || c.strace != null || c.pid != null || c.trace || c.tracePid != null
                    || !c.outputs.isEmpty() || c.events != null) {
                throw HeadlessFailure.badInput("--compare-owners prints its comparison: give it no other source or output");
            }
            return new HeadlessOptions(Mode.COMPARE_OWNERS, Source.PID, c.compareOwners.get(0) + " " + c.compareOwners.get(1),
                    c.personality, 0, List.of(), null, c.width, c.height, c.arenaMiB << 20, List.of());
        }
        List<String> given = new ArrayList<>();
        if (c.scenario != null) {
            given.add("--scenario");
        }
        if (c.strace != null) {
            given.add("--strace");
        }
        if (c.pid != null) {
            given.add("--pid");
        }
        if (c.trace) {
            given.add("--trace");
        }
        if (c.tracePid != null) {
            given.add("--trace-pid");
        }
        if (given.isEmpty()) {
            throw HeadlessFailure.badInput("no source: give --scenario, --strace, --pid, --trace or --trace-pid (or --list, --help)");
        }
        if (given.size() > 1) {
            throw HeadlessFailure.badInput("give one source, not both " + given.get(0) + " and " + given.get(1));
        }
        Source source = Source.valueOf(given.getFirst().substring(2).replace('-', '_').toUpperCase(Locale.ROOT));
        if (source == Source.TRACE && c.command.isEmpty()) {
            throw HeadlessFailure.badInput("--trace needs a program: vmatlas --headless --trace --out FILE -- CMD [ARG]...");
        }
        if (source != Source.TRACE && !c.command.isEmpty()) {
            throw HeadlessFailure.badInput("unexpected argument '" + Printable.of(c.command.getFirst())
                    + "' (vmatlas --headless --help lists the options)");
        }
        if ((c.scenario != null && c.scenario.isBlank()) || (c.strace != null && c.strace.isBlank())) {
            throw HeadlessFailure.badInput(given.getFirst() + " needs a value");
        }
        if (c.seconds > 0 && source != Source.PID && source != Source.TRACE_PID) {
            throw HeadlessFailure.badInput("--seconds applies to --pid and --trace-pid only");
        }
        if (c.outputs.isEmpty() && c.events == null) {
            throw HeadlessFailure.badInput("no output: give --out FILE (png, svg, csv, json) or --events FILE (csv, json)");
        }
        if ((long) c.width * c.height > MAX_PIXELS) {
            throw HeadlessFailure.badInput("--width " + c.width + " and --height " + c.height + " make "
                    + (long) c.width * c.height + " pixels, more than the " + MAX_PIXELS + " a map may have");
        }
        Set<Path> seen = new HashSet<>();
        List<Path> outputs = new ArrayList<>();
        for (String out : c.outputs) {
            outputs.add(once(output("--out", out, MAPS_AND_REGIONS), seen));
        }
        Path events = c.events == null ? null : once(output("--events", c.events, EVENTS), seen);
        String input = switch (source) {
            case SCENARIO -> c.scenario;
            case STRACE -> c.strace;
            case PID -> Long.toString(c.pid);
            case TRACE_PID -> Long.toString(c.tracePid);
            case TRACE -> String.join(" ", c.command);
        };
        return new HeadlessOptions(Mode.RUN, source, input, c.personality, c.seconds, List.copyOf(outputs), events,
                c.width, c.height, c.arenaMiB << 20, List.copyOf(c.command));
    }

    /** Every file the run writes: the outputs, then the events. */
    public List<Path> targets() {
        List<Path> all = new ArrayList<>(outputs);
        if (events != null) {
            all.add(events);
        }
        return all;
    }

    /** The lower-case extension of a file name, or "". */
    public static String extension(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot < 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Path output(String option, String name, List<String> extensions) throws HeadlessFailure {
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            throw HeadlessFailure.badInput("cannot write '" + Printable.of(name) + "': " + Printable.of(e.getReason()));
        }
        if (name.isEmpty() || !extensions.contains(extension(file))) {
            throw HeadlessFailure.badInput("cannot write '" + Printable.of(name) + "': the name given to " + option
                    + " must end in " + String.join(", ", extensions.subList(0, extensions.size() - 1).stream()
                            .map(x -> "." + x).toList()) + " or ." + extensions.getLast());
        }
        return file;
    }

    private static Path once(Path file, Set<Path> seen) throws HeadlessFailure {
        if (!seen.add(file.toAbsolutePath().normalize())) {
            throw HeadlessFailure.badInput("'" + Printable.of(file.toString()) + "' is given twice as an output");
        }
        return file;
    }

    private static String sentence(ParameterException e) {
        ArgSpec spec = e.getArgSpec();
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            spec = missing.getMissing().getFirst();
        } else if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            spec = overwritten.getOverwritten();
        }
        String option = spec instanceof OptionSpec o ? o.longestName() : null;
        if (e.getCause() instanceof CommandLine.TypeConversionException conversion && option != null) {
            return option + " " + conversion.getMessage();
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().getFirst();
            return (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + Printable.of(first)
                    + "' (vmatlas --headless --help lists the options)";
        }
        if (e instanceof CommandLine.MissingParameterException && option != null) {
            return option + " needs a value";
        }
        if (e instanceof CommandLine.OverwrittenOptionException && option != null) {
            return option + " is given twice";
        }
        return Printable.of(e.getMessage());
    }
}
