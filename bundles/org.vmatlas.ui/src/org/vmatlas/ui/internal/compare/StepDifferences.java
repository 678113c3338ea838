package org.vmatlas.ui.internal.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vmatlas.model.Event;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.sources.scenario.StepOutcome.Status;
import org.vmatlas.syscall.Errno;

/**
 * Which steps of one scenario turned out differently on two kernels. Both runs walk the same steps in
 * order, so outcome {@code i} of one side is step {@code i} of the other. A step differs when one side's
 * call failed and the other's succeeded, when they failed with different errnos, when an expectation
 * held on one side only, or when one side stopped before reaching it. A call made on one personality
 * only ({@code … on aix}) is the script's choice, not a difference.
 */
final class StepDifferences {

    private StepDifferences() {
    }

    /** The indexes of the differing steps, in order. */
    static Set<Integer> between(List<StepOutcome> left, List<StepOutcome> right) {
        Set<Integer> differing = new LinkedHashSet<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            StepOutcome a = i < left.size() ? left.get(i) : null;
            StepOutcome b = i < right.size() ? right.get(i) : null;
            if (differ(a, b)) {
                differing.add(i);
            }
        }
        return differing;
    }

    static boolean differ(StepOutcome a, StepOutcome b) {
        if (a == null || b == null) {
            return true;
        }
        if ((a.status() == Status.ERROR) != (b.status() == Status.ERROR)) {
            return true;
        }
        if (a.status() == Status.DONE && b.status() == Status.DONE) {
            return failures(a) != failures(b) || !Objects.equals(lastErrno(a), lastErrno(b));
        }
        boolean expectations = (a.status() == Status.MET || a.status() == Status.UNMET)
                && (b.status() == Status.MET || b.status() == Status.UNMET);
        return expectations && a.status() != b.status();
    }

    private static long failures(StepOutcome outcome) {
        return outcome.events().stream().filter(Event::failed).count();
    }

    private static Errno lastErrno(StepOutcome outcome) {
        Event last = outcome.lastEvent();
        return last == null || last.result() == null ? null : last.result().errnoOrNull();
    }
}
