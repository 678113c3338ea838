package org.vmatlas.sources.proc;

import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.Mapping;

/**
 * One reading of {@code /proc/PID/maps}: the mappings in address order and the lines that could not
 * be parsed (each skipped, the rest kept).
 *
 * @param pid       the process
 * @param mappings  the mappings, ordered by address
 * @param problems  the malformed lines, empty when all were read
 * @param timeNanos {@link System#nanoTime()} when the read finished
 */
public record MapsSnapshot(long pid, List<Mapping> mappings, List<ParseProblem> problems, long timeNanos) {

    public MapsSnapshot {
        mappings = List.copyOf(mappings);
        problems = List.copyOf(problems);
    }
}
