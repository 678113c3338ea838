package org.vmatlas.owners;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Region;
import org.vmatlas.model.Session;

/**
 * Gives every region of an address space a type and an owner (an OSGi service). The generic rules come
 * from what the kernel reports (names, protections, backing) and the ELF program headers of mapped files;
 * the {@link Recognizer} services registered at the time of a call add what they know of one runtime
 * (a JVM's heap, Go's arenas, glibc's malloc arenas). Works for every session: a live process (thread
 * stacks from {@code /proc/PID/task}, residency from {@code smaps}), a replayed trace, the sandbox
 * (residency from {@code mincore}).
 */
public interface RegionClassifier {

    /**
     * Classifies the session's current address space. The process id of an observed session is taken from
     * its name ({@code "pid 1234..."}), the way the process picker and the command line name them.
     *
     * @param residency also measure residency (reads {@code smaps}, or asks {@code mincore} in the sandbox)
     */
    Classification classify(Session session, boolean residency);

    default Classification classify(Session session) {
        return classify(session, false);
    }

    /**
     * Classifies {@code regions} (ordered, non-overlapping); {@code pid} names the live process they were
     * read from, for what only {@code /proc/PID} can tell (thread stacks, a JVM's report, smaps).
     */
    Classification classify(List<Region> regions, OptionalLong pid, boolean residency);

    default Classification classify(List<Region> regions, OptionalLong pid) {
        return classify(regions, pid, false);
    }
}
