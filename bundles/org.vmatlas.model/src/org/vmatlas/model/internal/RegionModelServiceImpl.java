package org.vmatlas.model.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.NativeKernel;

/** The region-model service: holds the sessions and tells listeners, coalesced, what changed. */
@Component(service = RegionModelService.class)
public final class RegionModelServiceImpl implements RegionModelService {

    static final int DEFAULT_MAX_MAP_COUNT = 65530;

    private final Notifier notifier = new Notifier();
    private final List<Session> sessions = new ArrayList<>();
    private final int mapCountLimit = readMaxMapCount();
    private Session current;

    /** {@code /proc/sys/vm/max_map_count}, or Linux's default when it cannot be read (other systems, no /proc). */
    static int readMaxMapCount() {
        try {
            // Line by line: procfs reports a size of 0, and a whole-file read can come back short.
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/vm/max_map_count")).getFirst().trim());
        } catch (IOException | NumberFormatException | SecurityException | java.util.NoSuchElementException e) {
            return DEFAULT_MAX_MAP_COUNT;
        }
    }

    private SessionImpl create(String name, Kernel kernel, Personality personality) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a session needs a name");
        }
        return new SessionImpl(name, kernel, personality, mapCountLimit,
                s -> notifier.changed(s, s.timeline().size() - 1));
    }

    private Session register(SessionImpl session) {
        synchronized (sessions) {
            sessions.add(session);
            if (current == null) {
                current = session;
            }
        }
        notifier.changed(session, -1);
        return session;
    }

    @Override
    public Session openSession(String name, Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("session '" + name + "' needs a kernel");
        }
        return register(create(name, kernel, SessionImpl.personalityOf(kernel)));
    }

    @Override
    public OpenedSession open(String name, KernelSpec spec) {
        Kernel kernel;
        try {
            kernel = switch (spec) {
                case KernelSpec.NativeSandbox sandbox -> NativeKernel.open(sandbox.arenaBytes());
                case KernelSpec.Simulated simulated -> simulated.personality().newKernel();
            };
        } catch (RuntimeException e) {
            // not Linux, no native access for this module, or no address space left for the arena
            return new OpenedSession(null, e.getMessage() != null ? e.getMessage() : e.toString());
        }
        return new OpenedSession(openSession(name, kernel), null);
    }

    @Override
    public Session openObservedSession(String name) {
        return register(create(name, null, Personality.LINUX));
    }

    @Override
    public Session openObservedSession(String name, long pid) {
        return register(following(create(name, null, Personality.LINUX), pid));
    }

    @Override
    public Session openReplaySession(String name, Personality rules) {
        return register(create(name, null, rules));
    }

    @Override
    public Session openReplaySession(String name, Personality rules, long pid) {
        return register(following(create(name, null, rules), pid));
    }

    private static SessionImpl following(SessionImpl session, long pid) {
        session.follow(pid);
        return session;
    }

    @Override
    public Session load(Path file) throws IOException, SessionFileException {
        SessionImpl session = (SessionImpl) SessionFiles.read(file,
                args -> new SessionImpl(freeName(args[0]), null, Personality.valueOf(args[1]), mapCountLimit, s -> { }));
        session.onChange(s -> notifier.changed(s, s.timeline().size() - 1));
        return register(session);
    }

    /** {@code name}, or {@code name (2)}, {@code name (3)}... when an open session already has it. */
    private String freeName(String name) {
        synchronized (sessions) {
            var taken = sessions.stream().map(Session::name).collect(java.util.stream.Collectors.toSet());
            String free = name;
            for (int n = 2; taken.contains(free); n++) {
                free = name + " (" + n + ")";
            }
            return free;
        }
    }

    @Override
    public void save(Session session, Path file) throws IOException {
        SessionFiles.write(session, file);
    }

    @Override
    public List<Session> sessions() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    @Override
    public Session current() {
        synchronized (sessions) {
            return current;
        }
    }

    @Override
    public void setCurrent(Session session) {
        synchronized (sessions) {
            if (!sessions.contains(session)) {
                throw new IllegalArgumentException("session " + session + " is not open");
            }
            current = session;
        }
        notifier.changed(session, -1);
    }

    @Override
    public void close(Session session) {
        boolean removed;
        synchronized (sessions) {
            removed = sessions.remove(session);
            if (current == session) {
                current = sessions.isEmpty() ? null : sessions.getLast();
            }
        }
        if (removed && session.kernel() != null) {
            // The kernel belongs to its session: a native sandbox gives its arena back.
            try {
                session.kernel().close();
            } catch (RuntimeException e) {
                // already closed, or a simulated kernel with nothing to release
            }
        }
        if (removed && session instanceof SessionImpl impl) {
            impl.dispose();
        }
        notifier.changed(session, -1);
    }

    @Override
    public void addListener(ModelListener listener) {
        notifier.add(listener);
    }

    @Override
    public void removeListener(ModelListener listener) {
        notifier.remove(listener);
    }

    @Deactivate
    void deactivate() {
        notifier.stop();
    }
}
