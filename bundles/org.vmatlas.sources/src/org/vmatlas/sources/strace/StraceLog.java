package org.vmatlas.sources.strace;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.internal.strace.CallColumns;

/**
 * A parsed strace log: its calls in completion order, the lines that could not be read (each skipped)
 * and how many lines there were. A file with no strace line at all (empty, binary, another format) has
 * {@link #noStraceLines()} and, first among its problems, {@code trace.log:1: no strace lines found (line 1:
 * binary data)}; a call left {@code <unfinished ...>} that never resumed is a problem on its own line. Made by {@link StraceParser}; replayed by {@link StraceReplay}. The calls
 * are held by column (a million calls cost the collector nothing) and read as a list.
 */
public final class StraceLog {

    /** How the problem that stands for a whole file without strace lines begins. */
    static final String NO_STRACE_LINES = "no strace lines found";

    private final CallColumns calls;
    private final List<ParseProblem> problems;
    private final long lines;
    private final boolean canceled;

    /**
     * @param calls    the calls and process events, in the order they completed
     * @param problems malformed or truncated lines, with their line numbers
     * @param lines    lines read in all
     * @param canceled whether reading stopped early because the monitor asked
     */
    public StraceLog(List<TracedCall> calls, List<ParseProblem> problems, long lines, boolean canceled) {
        this(columns(calls), problems, lines, canceled);
    }

    StraceLog(CallColumns calls, List<ParseProblem> problems, long lines, boolean canceled) {
        this.calls = calls;
        this.problems = List.copyOf(problems);
        this.lines = lines;
        this.canceled = canceled;
    }

    private static CallColumns columns(List<TracedCall> calls) {
        if (calls instanceof CallColumns columns) {
            return columns;
        }
        CallColumns columns = new CallColumns();
        columns.addAll(calls);
        return columns;
    }

    /** The calls and process events, in the order they completed (read-only, random access). */
    public List<TracedCall> calls() {
        return Collections.unmodifiableList(calls);
    }

    /** {@code true} when no line of the input was strace output: the first problem says why. */
    public boolean noStraceLines() {
        // a merged -ff log has strace lines when any of its files has calls
        return calls.size() == 0 && !problems.isEmpty() && problems.getFirst().reason().startsWith(NO_STRACE_LINES);
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    public long lines() {
        return lines;
    }

    public boolean canceled() {
        return canceled;
    }

    /** The processes and threads seen, in order of first appearance. */
    public Set<Integer> pids() {
        Set<Integer> pids = new LinkedHashSet<>();
        for (int i = 0; i < calls.size(); i++) {
            pids.add(calls.pid(i));
        }
        return pids;
    }

    @Override
    public String toString() {
        return "StraceLog[" + calls.size() + " calls, " + problems.size() + " problems, " + lines + " lines"
                + (canceled ? ", canceled" : "") + "]";
    }
}
