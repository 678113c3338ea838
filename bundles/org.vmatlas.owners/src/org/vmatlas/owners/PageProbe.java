package org.vmatlas.owners;

import org.vmatlas.model.Session;

/**
 * Reads the page by page residency of a range on demand (an OSGi service), for a map that zooms into one
 * region: {@code /proc/PID/pagemap} for an observed process, {@code mincore} for the sandbox. Other
 * sessions (simulated, replayed) answer with a reason.
 */
public interface PageProbe {

    /** The pages of {@code [start, end)} in {@code session}'s address space at this moment. */
    PageStates pages(Session session, long start, long end);
}
