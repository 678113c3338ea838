package org.vmatlas.sources.scenario;

/**
 * One line of a scenario that does something: a call, an expectation, a narration.
 *
 * @param line the line number in the script, from 1
 * @param text the line as written
 */
public record ScenarioStep(int line, String text) {

    public ScenarioStep {
        if (line < 1) {
            throw new IllegalArgumentException("scenario lines count from 1, not " + line);
        }
    }
}
