/**
 * The memory picture of live processes from {@code /proc}: {@code maps} parsed at byte level into
 * {@link org.vmatlas.syscall.Mapping}s (paths with spaces, {@code (deleted)}, {@code [heap]}...), {@code smaps}
 * figures per region on demand or for a selection, {@code smaps_rollup} totals, and the process list.
 * Errors are values ({@link org.vmatlas.sources.proc.ProcFailure}): "process 1234 has exited", "you may not
 * read the maps of process 1 (owner root)". Malformed lines are reported with file and line number and
 * skipped.
 */
package org.vmatlas.sources.proc;
