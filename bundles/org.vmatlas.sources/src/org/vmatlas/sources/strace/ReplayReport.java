package org.vmatlas.sources.strace;

/**
 * What a replay did.
 *
 * @param recorded    calls recorded into the session (failed calls included: they are events too)
 * @param failed      of those, calls the traced kernel had refused
 * @param skipped     calls passed over: other pids, advice vmatlas does not model, calls that never returned
 * @param canceled    whether the monitor stopped the replay before the end
 */
public record ReplayReport(int recorded, int failed, int skipped, boolean canceled) {
}
