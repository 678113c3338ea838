/**
 * Following a live process: {@link org.vmatlas.sources.live.MapsPoller} reads {@code /proc/PID/maps} at a
 * fixed rate on its own thread and hands changed snapshots to a {@link org.vmatlas.sources.live.SnapshotSink};
 * {@link org.vmatlas.sources.live.SessionSink} feeds them to an observed model session. The process's exit
 * ends polling with a message; what was recorded stays.
 */
package org.vmatlas.sources.live;
