package org.vmatlas.trace;

/**
 * How a live trace is doing, at one moment.
 *
 * @param lines      strace lines read
 * @param calls      calls and process events parsed from them
 * @param reconciled reconciling events recorded: differences between a model and {@code /proc/PID/maps} that
 *                   no traced call explained, applied as {@code reconcile} snapshots
 * @param waiting    calls held back for threads or processes whose parent has not yet said who they are
 * @param running    whether strace is still running
 * @param ended      why the trace ended (one sentence), or {@code null} while it runs
 */
public record TraceStatus(long lines, long calls, long reconciled, int waiting, boolean running, String ended) {
}
