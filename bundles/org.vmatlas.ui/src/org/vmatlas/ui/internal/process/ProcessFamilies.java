package org.vmatlas.ui.internal.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.sources.strace.TracedProcess;

/**
 * The program trees the workbench holds: each replayed strace log and each live trace, with its processes as
 * they are now (a live trace's grow while it runs). The process tree reads them; a family whose sessions are
 * all closed is no longer offered.
 */
public final class ProcessFamilies {

    /** One log or trace: what to call it and its processes, each with the session of its address space. */
    public record Family(String title, Supplier<List<TracedProcess>> processes) {
    }

    private static final List<Family> FAMILIES = new CopyOnWriteArrayList<>();
    private static final List<Runnable> LISTENERS = new CopyOnWriteArrayList<>();

    private ProcessFamilies() {
    }

    /** Offers a new family, newest first; listeners are told on the caller's thread. */
    public static void add(String title, Supplier<List<TracedProcess>> processes) {
        FAMILIES.addFirst(new Family(title, processes));
        LISTENERS.forEach(Runnable::run);
    }

    /** The families with at least one session still open in {@code models}, newest first. */
    public static List<Family> open(RegionModelService models) {
        List<?> sessions = models.sessions();
        FAMILIES.removeIf(f -> {
            List<TracedProcess> processes = f.processes().get();
            return !processes.isEmpty() && processes.stream().noneMatch(p -> sessions.contains(p.session()));
        });
        return List.copyOf(FAMILIES);
    }

    /** Who is told when a family is added. */
    public static void addListener(Runnable listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Runnable listener) {
        LISTENERS.remove(listener);
    }

    /** Forgets every family (tests). */
    static void clear() {
        FAMILIES.clear();
    }
}
