package org.vmatlas.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Kernel;

/**
 * The region model as an OSGi service: sessions, the current one, and coalesced change notifications.
 * Thread-safe; listeners are called on one notifier thread, at most one pending change per session.
 */
public interface RegionModelService {

    /**
     * Opens the kernel {@code spec} describes and a session over it; when the kernel cannot be opened (no
     * native sandbox on this system, no address space for the arena) the answer carries the reason and
     * nothing is opened.
     */
    OpenedSession open(String name, KernelSpec spec);

    /** A session over {@code kernel}: native (Linux rules over real answers) or simulated (its own rules). */
    Session openSession(String name, Kernel kernel);

    /** A session fed by {@code /proc/PID/maps} snapshots (Linux rules, no kernel). */
    Session openObservedSession(String name);

    /** A session fed by snapshots of live process {@code pid}, which {@link Session#process()} then names. */
    Session openObservedSession(String name, long pid);

    /** A session that replays known answers (strace logs) through {@code rules}. */
    Session openReplaySession(String name, Personality rules);

    /** A session fed with the answers of live process {@code pid} as they come (a live trace). */
    Session openReplaySession(String name, Personality rules, long pid);

    /**
     * Reads a session file (format in {@code SessionFiles}); nothing is opened if any line is bad. Damage of
     * any kind (flipped bytes, truncation, garbage, content the checksum passes but the rules cannot replay) is
     * a {@link SessionFileException} naming the line, its message free of control bytes; no other exception.
     * A file whose session name is taken by an open session opens as {@code name (2)}, {@code name (3)}...
     */
    Session load(Path file) throws IOException, SessionFileException;

    /** Writes {@code session} atomically: a temporary file moved over {@code file}. */
    void save(Session session, Path file) throws IOException;

    List<Session> sessions();

    Session current();

    void setCurrent(Session session);

    void close(Session session);

    void addListener(ModelListener listener);

    void removeListener(ModelListener listener);
}
