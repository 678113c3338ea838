package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.KernelKind;
import org.vmatlas.model.Preview;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.model.Session;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.TimelineStorage;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.model.sim.SimulatedKernel;
import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * A session: one lock guards the core, the object table and the timeline, so sources may call from any
 * thread. Each call becomes exactly one event; the snapshot readers get is built once per change.
 */
public final class SessionImpl implements Session {

    private final String name;
    private final Kernel kernel;
    private final Personality personality;
    private final RuleSet rules;
    private final VmaCore core = new VmaCore();
    private final ObjectTable objects = new ObjectTable(false, 1);
    private final TimelineLog log;
    private final ConflictDetector detector;
    private volatile Consumer<Session> changed;
    private final Object lock = new Object();
    private Snapshot published = Snapshot.EMPTY;
    private boolean stale;
    /** Regions above the user space ({@code [vsyscall]}); fixed for a process's life, so kept once, not per event. */
    private List<org.vmatlas.model.Region> kernelRegions = List.of();

    private volatile long process;

    public SessionImpl(String name, Kernel kernel, Personality personality, int mapCountLimit,
            Consumer<Session> changed) {
        this(name, kernel, personality, mapCountLimit, changed, new TimelineLog(name));
    }

    /** As above, recording into {@code log} (tests choose small segments). */
    public SessionImpl(String name, Kernel kernel, Personality personality, int mapCountLimit, Consumer<Session> changed,
            TimelineLog log) {
        this.name = name;
        this.kernel = kernel;
        this.personality = personality;
        this.rules = RuleSets.of(personality);
        this.detector = new ConflictDetector(mapCountLimit);
        this.changed = changed;
        this.log = log;
        core.setSink(log);
    }

    /** Names the live process this session follows; once, before anything is recorded. */
    void follow(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("session " + name + " cannot follow process " + pid + ": a process id is positive");
        }
        process = pid;
    }

    @Override
    public OptionalLong process() {
        return process == 0 ? OptionalLong.empty() : OptionalLong.of(process);
    }

    /** Who is told after each event (the service's notifier); a loading session tells no one. */
    public void onChange(Consumer<Session> listener) {
        changed = listener;
    }

    /** The personality whose rules explain a kernel's answers: its own for a simulated one, else Linux. */
    public static Personality personalityOf(Kernel kernel) {
        return kernel instanceof SimulatedKernel simulated ? simulated.personality() : Personality.LINUX;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Kernel kernel() {
        return kernel;
    }

    @Override
    public KernelKind kernelKind() {
        return kernel == null ? KernelKind.NONE : kernel instanceof Sandbox ? KernelKind.NATIVE_SANDBOX : KernelKind.SIMULATED;
    }

    @Override
    public AddressRange arena() {
        return kernel instanceof Sandbox sandbox ? new AddressRange(sandbox.arenaStart(), sandbox.arenaEnd()) : null;
    }

    @Override
    public Personality personality() {
        return personality;
    }

    @Override
    public int mapCountLimit() {
        return detector.limit();
    }

    @Override
    public Event apply(Call call, String source) {
        if (kernel == null) {
            throw new IllegalStateException("session '" + name + "' has no kernel: use record() to replay answers");
        }
        return run(call, null, System.nanoTime(), source);
    }

    @Override
    public Event record(Call call, SysResult result, long timeNanos, String source) {
        if (result == null) {
            throw new IllegalArgumentException("record(" + call.describe() + ") needs the known result");
        }
        return run(call, result, timeNanos, source);
    }

    private Event run(Call call, SysResult known, long time, String source) {
        Event event;
        synchronized (lock) {
            List<Conflict> conflicts = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            SysResult result;
            Call raw = GoTransitions.isGo(call) ? GoTransitions.rawCall(rules, call) : call;
            if (raw != null) {
                detector.before(core, objects, raw, conflicts, notes, personality == Personality.AIX);
            }
            if (GoTransitions.isGo(call)) {
                result = GoTransitions.run(rules, core, objects, call, c -> known != null ? known : invoke(c),
                        conflicts);
            } else {
                result = known != null ? known : invoke(call);
                rules.applyAnswer(core, objects, call, result);
            }
            KernelDrift.afterFailure(core, kernel, call, known, result, conflicts);
            detector.after(core, call, raw, result, conflicts);
            int index = log.commit(time, source, call, result, conflicts, notes, core);
            stale = true;
            event = log.event(index);
        }
        changed.accept(this);
        return event;
    }

    private SysResult invoke(Call call) {
        return switch (call) {
            case Call.Mmap m -> kernel.mmap(m.address(), m.length(), m.prot(), m.flags(), m.fd(), m.offset());
            case Call.Munmap u -> kernel.munmap(u.address(), u.length());
            case Call.Mprotect p -> kernel.mprotect(p.address(), p.length(), p.prot());
            case Call.Mremap r -> kernel.mremap(r.oldAddress(), r.oldSize(), r.newSize(), r.flags(), r.newAddress());
            case Call.Madvise a -> kernel.madvise(a.address(), a.length(), a.advice());
            case Call.MemfdCreate f -> kernel.memfdCreate(f.name());
            case Call.Ftruncate t -> kernel.ftruncate(t.fd(), t.length());
            case Call.Close c -> kernel.close(c.fd());
            default -> SysResult.error(Errno.EINVAL, call.describe() + " has no kernel call");
        };
    }

    @Override
    public Event applySnapshot(List<Mapping> mappings, String source) {
        return applySnapshot(mappings, source, System.nanoTime());
    }

    /** A snapshot diff at a known time (session files, traces). */
    @Override
    public Event applySnapshot(List<Mapping> mappings, String source, long time) {
        Event event;
        synchronized (lock) {
            List<Conflict> conflicts = new ArrayList<>();
            Snapshot before = Snapshot.of(core);
            List<Mapping> user = ObservedMappings.userSpace(mappings);
            if (user.size() != mappings.size()) {
                kernelRegions = ObservedMappings.kernelRegions(mappings.subList(user.size(), mappings.size()));
            }
            ObservedMappings.apply(core, user);
            for (org.vmatlas.model.Region r : TimelineLog.diff(before, Snapshot.of(core)).added()) {
                detector.scanWritableExecutable(core, r.start(), r.end(), conflicts);
            }
            int index = log.commit(time, source, null, null, conflicts, core);
            stale = true;
            event = log.event(index);
        }
        changed.accept(this);
        return event;
    }

    @Override
    public Preview preview(Call call) {
        synchronized (lock) {
            return Previewer.preview(rules, core, objects.copy(!(kernel instanceof SimulatedKernel)),
                    new ConflictDetector(detector.limit()), call, personality,
                    kernel instanceof Sandbox sandbox ? sandbox : null);
        }
    }

    @Override
    public AddressSpace space() {
        synchronized (lock) {
            if (stale) {
                published = Snapshot.of(core).withKernelRegions(kernelRegions);
                stale = false;
            }
            return published;
        }
    }

    @Override
    public Timeline timeline() {
        return new Timeline() {
            @Override
            public int size() {
                synchronized (lock) {
                    return log.size();
                }
            }

            @Override
            public Event event(int index) {
                synchronized (lock) {
                    return log.event(index);
                }
            }

            @Override
            public AddressSpace spaceAfter(int index) {
                synchronized (lock) {
                    Snapshot space = log.spaceAt(index + 1, core);
                    return index < 0 ? space : space.withKernelRegions(kernelRegions);
                }
            }

            @Override
            public RegionDiff changesBetween(int from, int to) {
                if (from > to) {
                    throw new IllegalArgumentException("changesBetween(" + from + ", " + to + "): from is after to");
                }
                synchronized (lock) {
                    return TimelineLog.diff(log.spaceAt(from + 1, core), log.spaceAt(to + 1, core));
                }
            }

            @Override
            public TimelineStorage storage() {
                synchronized (lock) {
                    return log.storage();
                }
            }
        };
    }

    /** Bytes the timeline holds per event (packed arrays and checkpoints; an estimate for reports). */
    public double timelineBytesPerEvent() {
        synchronized (lock) {
            return log.bytesPerEvent();
        }
    }

    /** Lets go of the timeline's file; the session is not used after this. */
    void dispose() {
        synchronized (lock) {
            log.close();
        }
    }

    @Override
    public String toString() {
        return name + " (" + (kernel != null ? kernel.name() : personality.displayName() + " rules") + ")";
    }
}
