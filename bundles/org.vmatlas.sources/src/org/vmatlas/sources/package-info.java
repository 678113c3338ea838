/**
 * Event producers for the region model: {@code /proc} readers and the live poller, strace log replay,
 * scenario scripts. Shared here: {@link org.vmatlas.sources.ParseProblem} (a bad input line and why) and
 * {@link org.vmatlas.sources.ProgressMonitor} (progress and cancellation for long work; the UI wraps it in
 * an Eclipse Job).
 */
package org.vmatlas.sources;
