package org.vmatlas.ui.internal.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Session;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.trace.GoHeapProgram;
import org.vmatlas.trace.LiveTrace;

/** The phases of the real Go lesson: which one a line of the program names, what to say, and the heap's bytes by state. */
final class GoLessonPhases {

    private static final List<String> NARRATION = List.of(GoLessonMessages.phaseStarted, GoLessonMessages.phaseGrown,
            GoLessonMessages.phaseFreed, GoLessonMessages.phaseGrownAgain, GoLessonMessages.phaseDone);

    private GoLessonPhases() {
    }

    /** The index in {@link GoHeapProgram#PHASES} of the phase {@code line} names ("done 32" is "done"), or -1. */
    static int of(String line) {
        List<String> phases = GoHeapProgram.PHASES;
        for (int i = phases.size() - 1; i >= 0; i--) {
            if (line.equals(phases.get(i)) || line.startsWith(phases.get(i) + " ")) {
                return i;
            }
        }
        return -1;
    }

    /** What the runtime did in phase {@code index}. */
    static String narration(int index) {
        return NARRATION.get(index);
    }

    /** {@code Go heap now: Reserved 60 MiB, Prepared 0 MiB, Ready 4 MiB.}, read from the traced program's session. */
    static String states(LiveTrace traced) {
        Session session = traced.processes().stream().filter(p -> p.pid() == traced.rootPid())
                .map(TracedProcess::session).reduce((first, later) -> later).orElse(null);
        Map<RegionState, Long> bytes = session == null ? Map.of() : GoHeapProgram.arenaStates(session.space());
        return NLS.bind(GoLessonMessages.states, new Object[] { mib(bytes.get(RegionState.RESERVED)),
            mib(bytes.get(RegionState.PREPARED)), mib(bytes.get(RegionState.READY)) });
    }

    static String mib(Long bytes) {
        long b = bytes == null ? 0 : bytes;
        return b % (1 << 20) == 0 ? (b >> 20) + " MiB" : String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0);
    }
}
