package org.vmatlas.ui.internal.scenario;

import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.Event;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.Messages;

/** How a step's outcome reads in the lists: ok, failed with its errno, an expectation met or not. */
public final class OutcomeText {

    private OutcomeText() {
    }

    public static String of(StepOutcome outcome) {
        return switch (outcome.status()) {
            case DONE -> NLS.bind(callFailed(outcome) ? Messages.scenario_outcomeFailed : Messages.scenario_outcomeOk,
                    outcome.message());
            case SAID -> Messages.scenario_outcomeSaid;
            case MET -> Messages.scenario_outcomeMet;
            case UNMET -> NLS.bind(Messages.scenario_outcomeUnmet, outcome.message());
            case SKIPPED -> NLS.bind(Messages.scenario_outcomeSkipped, outcome.message());
            case ERROR -> NLS.bind(Messages.scenario_outcomeError, outcome.message());
        };
    }

    /** Whether the step's (last) call failed. */
    public static boolean callFailed(StepOutcome outcome) {
        Event last = outcome.lastEvent();
        return last != null && last.failed();
    }

    /** Whether the row deserves the user's eye: a failed call, an unmet expectation, a stop. */
    public static boolean bad(StepOutcome outcome) {
        return switch (outcome.status()) {
            case DONE -> callFailed(outcome);
            case UNMET, ERROR -> true;
            default -> false;
        };
    }
}
