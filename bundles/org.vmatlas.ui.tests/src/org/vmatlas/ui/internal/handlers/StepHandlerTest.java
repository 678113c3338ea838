package org.vmatlas.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.ui.internal.WorkbenchMoment;

/** Stepping through a timeline of five events from live, to the start and back to live. */
class StepHandlerTest {

    @Test
    void stepsWalkTheTimelineAndForwardPastTheEndGoesLive() {
        WorkbenchMoment moment = new WorkbenchMoment();
        StepHandler.step(moment, 5, -1);
        assertEquals(3, moment.eventIndex(), "back from live shows the event before the last");
        for (int i = 0; i < 10; i++) {
            StepHandler.step(moment, 5, -1);
        }
        assertEquals(-1, moment.eventIndex(), "back stops before the first event");
        StepHandler.step(moment, 5, 1);
        assertEquals(0, moment.eventIndex());
        StepHandler.step(moment, 5, 1);
        StepHandler.step(moment, 5, 1);
        StepHandler.step(moment, 5, 1);
        assertEquals(3, moment.eventIndex());
        StepHandler.step(moment, 5, 1);
        assertTrue(moment.isLive(), "forward onto the last event follows it live again");
    }
}
