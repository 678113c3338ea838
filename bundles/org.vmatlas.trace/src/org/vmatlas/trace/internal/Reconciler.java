package org.vmatlas.trace.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.vmatlas.model.Session;
import org.vmatlas.sources.strace.ProcessSpaces;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.syscall.Mapping;

/**
 * Compares each live address space's model with {@code /proc/PID/maps} and applies what the trace did not
 * explain as one snapshot event whose source begins with {@link #SOURCE}, counted. Runs while the reader holds
 * no line back (between two lines the tree cannot change: the comparison holds the tree's lock).
 */
public final class Reconciler {

    /** How a reconciling event's source begins. */
    public static final String SOURCE = "reconcile";

    private final ProcessSpaces spaces;
    private final ProcHost host = new ProcHost();
    private final AtomicLong applied = new AtomicLong();

    public Reconciler(ProcessSpaces spaces) {
        this.spaces = spaces;
    }

    /** Compares every process that has not exited; {@code when} says why ("at attach", "at the end"). */
    public void run(String when) {
        synchronized (spaces) {
            List<Session> done = new ArrayList<>();
            for (TracedProcess p : spaces.processes()) {
                if (p.exited() || done.contains(p.session())) {
                    continue;
                }
                List<Mapping> maps = host.maps(p.pid());
                if (maps == null) {
                    continue;
                }
                done.add(p.session());
                if (PageRuns.difference(p.session().space().kernelView(), maps) != null) {
                    p.session().applySnapshot(maps, SOURCE + " /proc/" + p.pid() + "/maps " + when, wallClockNanos());
                    applied.incrementAndGet();
                }
            }
        }
    }

    /** Reconciling events recorded so far. */
    public long applied() {
        return applied.get();
    }

    /** Now on strace's clock ({@code -ttt}: seconds since the epoch), in nanoseconds. */
    public static long wallClockNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
