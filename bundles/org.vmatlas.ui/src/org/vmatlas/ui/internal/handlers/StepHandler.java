package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * Timeline > Step back (Alt+Left) and Step forward (Alt+Right): moves the whole workbench one event.
 * Stepping forward past the last event goes live again.
 */
public abstract class StepHandler {

    private final int direction;

    StepHandler(int direction) {
        this.direction = direction;
    }

    @CanExecute
    public boolean canExecute(RegionModelService models) {
        Session session = models.current();
        return session != null && session.timeline().size() > 0;
    }

    @Execute
    public void execute(RegionModelService models, WorkbenchMoment moment) {
        Session session = models.current();
        if (session != null) {
            step(moment, session.timeline().size(), direction);
        }
    }

    /** The step itself: from live, back means the event before the last. */
    static void step(WorkbenchMoment moment, int events, int direction) {
        int now = moment.isLive() ? events - 1 : moment.eventIndex();
        int next = now + direction;
        if (next >= events - 1 && direction > 0) {
            moment.live();
        } else {
            moment.seek(Math.max(-1, Math.min(events - 1, next)));
        }
    }

    /** Step back. */
    public static class Back extends StepHandler {
        public Back() {
            super(-1);
        }
    }

    /** Step forward. */
    public static class Forward extends StepHandler {
        public Forward() {
            super(1);
        }
    }

    /** Live: follow the latest event again (Alt+End). */
    public static class Live {
        @Execute
        public void execute(WorkbenchMoment moment) {
            moment.live();
        }
    }
}
