package org.vmatlas.app.internal.headless;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.KernelKind;
import org.vmatlas.model.Preview;
import org.vmatlas.model.Session;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.SysResult;

/**
 * A session that counts the calls a scenario makes and stops it past a limit or when the run is
 * cancelled. The scenario runner makes a {@code repeat} line's calls in one step, so this is where a
 * long step can be stopped: before each call, by throwing {@link Stopped}, which the runner does not catch.
 */
final class BoundedSession implements Session {

    /** Thrown by {@link #apply} to stop the step that is running. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean cancelled;

        Stopped(boolean cancelled, String message) {
            super(message, null, false, false);
            this.cancelled = cancelled;
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private final Session session;
    private final long maxCalls;
    private final BooleanSupplier cancelled;
    private long calls;

    BoundedSession(Session session, long maxCalls, BooleanSupplier cancelled) {
        this.session = session;
        this.maxCalls = maxCalls;
        this.cancelled = cancelled;
    }

    @Override
    public Event apply(Call call, String source) {
        if (cancelled.getAsBoolean()) {
            throw new Stopped(true, "cancelled");
        }
        if (++calls > maxCalls) {
            throw new Stopped(false, "makes more than " + maxCalls + " calls, the most a headless run makes");
        }
        return session.apply(call, source);
    }

    @Override
    public String name() {
        return session.name();
    }

    @Override
    public Kernel kernel() {
        return session.kernel();
    }

    @Override
    public KernelKind kernelKind() {
        return session.kernelKind();
    }

    @Override
    public AddressRange arena() {
        return session.arena();
    }

    @Override
    public Personality personality() {
        return session.personality();
    }

    @Override
    public Event applySnapshot(List<Mapping> mappings, String source) {
        return session.applySnapshot(mappings, source);
    }

    @Override
    public Event record(Call call, SysResult result, long timeNanos, String source) {
        return session.record(call, result, timeNanos, source);
    }

    @Override
    public Preview preview(Call call) {
        return session.preview(call);
    }

    @Override
    public AddressSpace space() {
        return session.space();
    }

    @Override
    public Timeline timeline() {
        return session.timeline();
    }

    @Override
    public int mapCountLimit() {
        return session.mapCountLimit();
    }
}
