package org.vmatlas.sources.strace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.internal.strace.LineParser;

/**
 * Reads strace output one line at a time, as it arrives from a program being traced: the same parser as
 * {@link StraceParser} (an {@code <unfinished ...>} half waits for its {@code <... resumed>} half, by pid),
 * without a whole file. Lines that are not strace output become problems (at most
 * {@link StraceParser#MAX_PROBLEMS}, then counted). Not thread-safe: one reader feeds it.
 */
public final class StraceLines {

    private final String name;
    private final LineParser parser = new LineParser(0);
    private final List<ParseProblem> problems = new ArrayList<>();
    private long line;
    private long dropped;

    /** @param name what the lines come from, for problems ({@code "strace of pid 4242"}) */
    public StraceLines(String name) {
        this.name = name;
    }

    /** Parses {@code b[from, to)}, one line without its newline; {@code null} when it records nothing. */
    public TracedCall accept(byte[] b, int from, int to) {
        line++;
        if (to <= from) {
            return null;
        }
        TracedCall call = parser.parse(b, from, to, line);
        if (call == null && parser.error() != null) {
            if (problems.size() < StraceParser.MAX_PROBLEMS) {
                problems.add(new ParseProblem(name, line, new String(b, from, Math.min(to - from, 400),
                        StandardCharsets.UTF_8), parser.error()));
            } else {
                dropped++;
            }
        }
        return call;
    }

    public TracedCall accept(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return accept(b, 0, b.length);
    }

    /** Lines read so far. */
    public long lines() {
        return line;
    }

    /** Lines that could not be read, with the count of those not kept as a last problem. */
    public List<ParseProblem> problems() {
        List<ParseProblem> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(new ParseProblem(name, line, "", dropped + " more lines could not be read"));
        }
        return all;
    }
}
