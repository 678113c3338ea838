package org.vmatlas.model;

/**
 * Where a timeline keeps its events. The newest ones and the few last read back are in memory; the rest
 * are in a file in the workspace (or the temporary directory), so a long trace costs disk, not heap.
 *
 * @param events    events recorded
 * @param heapBytes bytes held in memory, an estimate
 * @param diskBytes bytes written to the file, compressed
 * @param file      the file, or {@code null} before anything was written
 * @param problem   why events could not be written and stay in memory, or {@code null}
 */
public record TimelineStorage(long events, long heapBytes, long diskBytes, String file, String problem) {

    /** The system property naming the folder for timelines' files; the workbench sets its workspace's. */
    public static final String DIRECTORY_PROPERTY = "vmatlas.timeline.dir";
}
