package org.vmatlas.ui.internal.scenario;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.Session;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;

/**
 * Plays one scenario on one session as an Eclipse Job: a step at a time at the chosen pace, each
 * outcome handed to the UI thread as it happens. Pause cancels the Job between steps; the runner keeps
 * its place, so Step or Run goes on from there.
 */
final class ScenarioPlayer {

    private static final int SLICE_MS = 20;
    private final ScenarioRunner runner;
    private final Session session;
    private final String title;
    private final Display display;
    private final Consumer<StepOutcome> onStep;
    private final Runnable onStop;
    private volatile int stepsPerSecond = 2;
    private Job job;

    ScenarioPlayer(Scenario scenario, Session session, Display display, Consumer<StepOutcome> onStep, Runnable onStop) {
        this.runner = new ScenarioRunner(scenario, session);
        this.session = session;
        this.title = scenario.title();
        this.display = display;
        this.onStep = onStep;
        this.onStop = onStop;
    }

    /** Runs up to {@code steps} steps (at the pace between them); does nothing while already playing. */
    synchronized void play(int steps) {
        if (playing() || !runner.hasNext()) {
            return;
        }
        job = new Job(NLS.bind(Messages.scenario_jobName, title)) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(title, steps == Integer.MAX_VALUE ? IProgressMonitor.UNKNOWN : steps);
                for (int done = 0; done < steps && runner.hasNext() && !monitor.isCanceled(); done++) {
                    if (done > 0 && !waitPace(monitor)) {
                        break;
                    }
                    StepOutcome outcome = runner.next();
                    BackgroundWork.back(display, () -> onStep.accept(outcome));
                    monitor.worked(1);
                }
                monitor.done();
                BackgroundWork.back(display, onStop);
                return Status.OK_STATUS;
            }
        };
        job.schedule();
    }

    /** Sleeps one pace in short slices so that Pause is felt at once; false when cancelled. */
    private boolean waitPace(IProgressMonitor monitor) {
        long until = System.nanoTime() + 1_000_000_000L / Math.max(1, stepsPerSecond);
        while (System.nanoTime() < until) {
            if (monitor.isCanceled()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(SLICE_MS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    synchronized void pause() {
        if (job != null) {
            job.cancel();
        }
    }

    synchronized boolean playing() {
        return job != null && job.getState() != Job.NONE;
    }

    void setStepsPerSecond(int value) {
        stepsPerSecond = value;
    }

    boolean finished() {
        return !runner.hasNext();
    }

    boolean passed() {
        return runner.passed();
    }

    Session session() {
        return session;
    }
}
