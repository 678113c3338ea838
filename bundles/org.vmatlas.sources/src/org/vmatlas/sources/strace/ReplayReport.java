package org.vmatlas.sources.strace;

import java.util.List;

import org.vmatlas.sources.ParseProblem;

/**
 * What a replay did.
 *
 * @param recorded    calls recorded into the session (failed calls included: they are events too)
 * @param failed      of those, calls the traced kernel had refused
 * @param skipped     calls passed over: other pids, advice vmatlas does not model, calls that never returned,
 *                    and the calls in {@code problems}
 * @param canceled    whether the monitor stopped the replay before the end
 * @param problems    calls whose recorded answer no kernel gives (a mapping past the top of the address space),
 *                    each with its line; they are not recorded
 */
public record ReplayReport(int recorded, int failed, int skipped, boolean canceled, List<ParseProblem> problems) {

    public ReplayReport {
        problems = List.copyOf(problems);
    }

    public ReplayReport(int recorded, int failed, int skipped, boolean canceled) {
        this(recorded, failed, skipped, canceled, List.of());
    }
}
