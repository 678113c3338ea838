package org.vmatlas.model;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.SysResult;

/**
 * A kernel paired with an address space and its timeline. Sources write from their own threads; views read
 * {@link #space()} snapshots. Calls go to the kernel, the personality's rules turn its answer into region
 * changes (for the native kernel: the Linux rules over the real answers), and each call becomes one event.
 */
public interface Session {

    String name();

    /** The kernel calls go to, or {@code null} for observed and replayed sessions. */
    Kernel kernel();

    /** What runs this session's calls: the native sandbox, a simulated kernel, or nothing (observed, replayed). */
    KernelKind kernelKind();

    /** The native sandbox's arena, where {@code arena+16M} points; {@code null} for every other session. */
    AddressRange arena();

    /**
     * The live process this session follows (attached or traced), for what only {@code /proc/PID} can tell:
     * smaps, thread stacks, residency over time. Empty for the sandbox, simulations, logs and saved sessions.
     */
    default OptionalLong process() {
        return OptionalLong.empty();
    }

    /** The rules that turn answers into region changes. */
    Personality personality();

    /** Runs the call on the kernel (Go transitions as their raw calls) and records the event. */
    Event apply(Call call, String source);

    default Event apply(Call call) {
        return apply(call, "api");
    }

    /** Observed sessions: the difference between the model and a fresh {@code /proc/PID/maps} reading. */
    Event applySnapshot(List<Mapping> mappings, String source);

    /**
     * As {@link #applySnapshot(List, String)}, stamped with {@code timeNanos} on the clock of the session's
     * other events (a trace's wall clock), so its timeline stays on one clock.
     */
    Event applySnapshot(List<Mapping> mappings, String source, long timeNanos);

    /**
     * Replays a call whose answer is known (strace, session file) through the rules, without a kernel. An
     * answer no kernel gives (a mapping that would end past the top of the address space) is recorded as an
     * event and changes no region; callers that read outside input report it (the strace replay does).
     */
    Event record(Call call, SysResult result, long timeNanos, String source);

    /** What {@code call} would do now, computed on a copy; nothing changes. */
    Preview preview(Call call);

    /** The current address space, an immutable snapshot. */
    AddressSpace space();

    Timeline timeline();

    /** {@code vm.max_map_count} as read at start (65530 when unreadable); warnings start at 90 % of it. */
    int mapCountLimit();
}
