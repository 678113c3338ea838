package org.vmatlas.app.internal.headless;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.strace.ProcessSpaces;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.TracedProcess;

/**
 * An strace log for a headless run: read, refused when not one memory call could be found in it (an
 * empty file, binary data, some other text), then replayed. Bad lines among good ones are reported
 * (at most {@link #PROBLEMS_SHOWN}) and skipped, as the parser intends. Each process of a multi-process log
 * gets its own address space ({@link ProcessSpaces}); the run writes the traced program's own (the first
 * process, after its last {@code execve}) and names the others in the log.
 */
final class StraceSource {

    static final int PROBLEMS_SHOWN = 20;

    private StraceSource() {
    }

    static Session load(String input, Personality rules, RegionModelService models, PrintStream log,
            BooleanSupplier cancelled) throws HeadlessFailure {
        String name = Printable.of(input);
        Path file;
        try {
            file = Path.of(input);
        } catch (InvalidPathException e) {
            throw IoReasons.cannotRead(input, new IOException(e.getReason()));
        }
        ProgressMonitor monitor = new ProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
        StraceLog parsed;
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("Is a directory");
            }
            parsed = StraceParser.parse(file, monitor);
        } catch (IOException | UncheckedIOException e) {
            throw IoReasons.cannotRead(input, e);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw HeadlessFailure.badInput(name + ": " + Printable.of(e.getMessage()), e);
        }
        if (parsed.canceled()) {
            throw HeadlessFailure.badInput("cancelled while reading " + name);
        }
        if (parsed.calls().isEmpty()) {
            throw HeadlessFailure.badInput(name + ": no strace lines found (" + whyNone(file, parsed) + ")");
        }
        List<ParseProblem> problems = parsed.problems();
        problems.stream().limit(PROBLEMS_SHOWN).forEach(problem -> log.println(Printable.of(problem.message())));
        if (problems.size() > PROBLEMS_SHOWN) {
            log.println(name + ": " + (problems.size() - PROBLEMS_SHOWN) + " more lines skipped");
        }
        String base = "strace " + file.getFileName();
        ProcessSpaces spaces;
        try {
            spaces = ProcessSpaces.replay(parsed, space -> models.openReplaySession(
                    models.sessions().stream().anyMatch(s -> s.name().equals(base)) ? base + ": " + space : base,
                    rules), "strace", monitor);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw HeadlessFailure.badInput(name + ": cannot be replayed: " + Printable.of(e.getMessage()), e);
        }
        if (monitor.isCanceled()) {
            throw HeadlessFailure.badInput("cancelled while replaying " + name);
        }
        spaces.problems().stream().limit(PROBLEMS_SHOWN).forEach(p -> log.println(Printable.of(p.message())));
        List<TracedProcess> processes = spaces.processes();
        if (processes.size() > 1) {
            processes.forEach(p -> log.println(name + ": process " + Printable.of(p.toString()) + ": "
                    + p.session().timeline().size() + " events"));
        }
        return processes.getFirst().session();
    }

    private static String whyNone(Path file, StraceLog parsed) {
        if (parsed.lines() == 0) {
            return "the file is empty";
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(1 << 16);
            long line = Text.firstBinaryLine(start, start.length, in.read() >= 0);
            if (line > 0) {
                return "line " + line + ": binary data";
            }
        } catch (IOException e) {
            // The parser read it a moment ago; say what it found instead.
        }
        if (!parsed.problems().isEmpty()) {
            ParseProblem first = parsed.problems().getFirst();
            String reason = first.reason();
            String already = "no strace lines found (";
            if (reason.startsWith(already) && reason.endsWith(")")) { // the parser's own verdict: keep its words
                return Printable.of(reason.substring(already.length(), reason.length() - 1));
            }
            return "line " + first.line() + ": " + Printable.of(reason);
        }
        return "none of its " + parsed.lines() + " lines is a memory call such as mmap, mprotect or munmap";
    }
}
