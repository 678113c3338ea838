package org.vmatlas.sources.scenario;

import org.vmatlas.sources.Printable;
import java.util.List;

import org.vmatlas.model.Event;

/**
 * What one scenario step did: the events its calls made (several for {@code memfd} and {@code repeat}),
 * the narration it carries, and for an expectation whether it was met.
 *
 * @param step    the line
 * @param status  what kind of outcome
 * @param events  the session events the step made, in order (empty for narration and expectations)
 * @param message narration text, the reason an expectation failed, or a summary of the call's answer
 */
public record StepOutcome(ScenarioStep step, Status status, List<Event> events, String message) {

    /** The kinds of outcome. */
    public enum Status {
        /** Calls were made (whatever they answered). */
        DONE,
        /** A narration line. */
        SAID,
        /** An expectation held. */
        MET,
        /** An expectation did not hold: the lesson did not go as written. */
        UNMET,
        /** An expectation for other personalities. */
        SKIPPED,
        /**
         * The step could not run (an unbound name, a division by zero, too many calls) or was cancelled part way
         * (its events so far kept; {@link ScenarioRunner#canceled()}); the scenario stops here.
         */
        ERROR
    }

    public StepOutcome {
        events = List.copyOf(events);
        message = Printable.escape(message);
    }

    /** The last event of the step, or {@code null}. */
    public Event lastEvent() {
        return events.isEmpty() ? null : events.getLast();
    }

    /** {@code line 12: expect EEXIST: got 0x7f00 (ok)}. */
    public String describe() {
        return "line " + step.line() + ": " + step.text() + (message == null || message.isEmpty() ? "" : " -> " + message);
    }
}
