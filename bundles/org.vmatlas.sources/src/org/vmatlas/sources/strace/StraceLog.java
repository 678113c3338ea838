package org.vmatlas.sources.strace;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vmatlas.sources.ParseProblem;

/**
 * A parsed strace log: its calls in completion order, the lines that could not be read (each skipped)
 * and how many lines there were. Made by {@link StraceParser}; replayed by {@link StraceReplay}.
 *
 * @param calls    the calls and process events, in the order they completed
 * @param problems malformed or truncated lines, with their line numbers
 * @param lines    lines read in all
 * @param canceled whether reading stopped early because the monitor asked
 */
public record StraceLog(List<TracedCall> calls, List<ParseProblem> problems, long lines, boolean canceled) {

    public StraceLog {
        calls = List.copyOf(calls);
        problems = List.copyOf(problems);
    }

    /** The processes and threads seen, in order of first appearance. */
    public Set<Integer> pids() {
        Set<Integer> pids = new LinkedHashSet<>();
        for (TracedCall call : calls) {
            pids.add(call.pid());
        }
        return pids;
    }
}
