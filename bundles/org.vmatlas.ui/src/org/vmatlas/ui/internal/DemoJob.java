package org.vmatlas.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.sources.scenario.Lessons;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.sources.scenario.ScenarioRunner;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/**
 * The built-in demo: the shipped lesson {@code demo.vms} played for real in a fresh native sandbox, one
 * call every {@code pace} milliseconds, so the map, the chart and the status line can be watched changing.
 * It walks a Go heap through its states, splits a mapping with mprotect, makes a W^X pair of one memfd,
 * clobbers live pages with MAP_FIXED, has a hint ignored, and ends with calls that fail or are refused.
 * The demo and the lessons share one format and one runner.
 */
public final class DemoJob extends Job {

    /** The shipped lesson the demo plays. */
    public static final String LESSON = "demo.vms";
    private final RegionModelService models;
    private final long pace;
    private List<StepOutcome> outcomes = List.of();

    public DemoJob(RegionModelService models, long paceMillis) {
        super(Messages.demo_jobName);
        this.models = models;
        this.pace = paceMillis;
    }

    /** What each step of the last run did, for tests and for the curious. */
    public List<StepOutcome> outcomes() {
        return outcomes;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        Scenario lesson = Lessons.load(LESSON);
        OpenedSession opened = models.open(Messages.demo_sessionName,
                new KernelSpec.NativeSandbox(VmatlasPreferences.arenaBytes()));
        if (!opened.isOpen()) {
            // No native sandbox here (another OS, or no address space to spare): the same calls on the
            // simulated Linux, and the session's name says why.
            opened = models.open(NLS.bind(Messages.demo_sessionSimulated, opened.reason()),
                    new KernelSpec.Simulated(Personality.LINUX));
        }
        Session session = opened.session();
        models.setCurrent(session);
        ScenarioRunner runner = new ScenarioRunner(lesson, session);
        List<StepOutcome> done = new ArrayList<>();
        monitor.beginTask(Messages.demo_jobName, lesson.steps().size());
        ProgressMonitor cancelOnly = new ProgressMonitor() { // a long step stops when the job is cancelled
            @Override
            public boolean isCanceled() {
                return monitor.isCanceled();
            }
        };
        while (runner.hasNext()) {
            if (monitor.isCanceled()) {
                outcomes = List.copyOf(done);
                return Status.CANCEL_STATUS;
            }
            StepOutcome outcome = runner.next(cancelOnly);
            done.add(outcome);
            monitor.worked(1);
            if (!outcome.events().isEmpty()) {
                pause();
            }
        }
        outcomes = List.copyOf(done);
        monitor.done();
        return Status.OK_STATUS;
    }

    private void pause() {
        try {
            Thread.sleep(pace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
