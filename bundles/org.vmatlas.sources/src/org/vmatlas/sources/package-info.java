/**
 * Event producers for the region model: {@code /proc} readers and the live poller, strace log replay,
 * scenario scripts. Shared here: {@link org.vmatlas.sources.ParseProblem} (a bad input line and why) and
 * {@link org.vmatlas.sources.ProgressMonitor} (progress and cancellation for long work; the UI wraps it in
 * an Eclipse Job).
 * <h2>Documented errors</h2>
 * Outside input (a file, a log, a script) never makes an entry point throw; what is wrong with it comes
 * back as a result, each item naming its line, with unprintable characters escaped by
 * {@link org.vmatlas.sources.Printable}:
 * <table>
 * <caption>What each entry point answers for bad input</caption>
 * <tr><th>entry point</th><th>documented errors</th></tr>
 * <tr><td>{@code StraceParser.parse}</td><td>{@link org.vmatlas.sources.ParseProblem}s in {@code
 *     StraceLog.problems()}: malformed lines, binary data, calls never resumed; {@code noStraceLines()} with
 *     {@code trace.log:1: no strace lines found (line 1: binary data)} first for an empty, binary or foreign
 *     file; {@link java.io.IOException} only when the file cannot be read</td></tr>
 * <tr><td>{@code StraceReplay.replay}</td><td>{@code ReplayReport.problems()}: answers no kernel gives (a
 *     mapping past the top of the address space), not recorded</td></tr>
 * <tr><td>{@code ProcReader.maps}, {@code mapsFile}, {@code smaps}</td><td>{@code ProcResult.Failed} for a
 *     file that cannot be read; {@link org.vmatlas.sources.ParseProblem}s for malformed, out-of-order or
 *     overlapping lines, the rest kept in address order</td></tr>
 * <tr><td>{@code ScenarioParser.parse}</td><td>{@code Scenario.problems()}: every bad line, a repeat count
 *     or a total of calls above {@code Scenario.MAX_CALLS}, a constant division by zero</td></tr>
 * <tr><td>{@code ScenarioRunner.next}, {@code runAll}</td><td>a {@code StepOutcome} with status {@code ERROR}
 *     (an unbound name, a division by zero, too many calls, or a step cancelled part way, which {@code
 *     canceled()} tells apart; the run stops at that line);
 *     the constructor alone throws {@link java.lang.IllegalArgumentException}, for a scenario that has
 *     problems</td></tr>
 * </table>
 * The model's session files answer the same way with {@code SessionFileException} (a line, nothing
 * opened). Any other exception is a bug: the fuzz tests of the sources test fragment hold every entry
 * point above to this table.
 */
package org.vmatlas.sources;
