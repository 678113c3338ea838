package org.vmatlas.ui.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.trace.LiveTrace;
import org.vmatlas.trace.TraceException;
import org.vmatlas.trace.TraceOptions;
import org.vmatlas.trace.TraceStatus;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.process.ProcessFamilies;

/**
 * The workbench's one live trace: started off the UI thread (a launched program or an attach), its first
 * address space made the current session, its end told in one sentence. Starting another stops the one before.
 */
public final class Tracing {

    /** What a start made: the trace, or why there is none. */
    private record Started(LiveTrace trace, String failure) {
    }

    /** Where sentences about the trace go (a message line, a dialog); {@code bad} for failures. */
    @FunctionalInterface
    public interface Reporter {
        void say(String text, boolean bad);
    }

    /** Starts a trace; may take a moment (strace attaches), so it runs in a job. */
    @FunctionalInterface
    interface Starter {
        LiveTrace start() throws TraceException;
    }

    private static LiveTrace current;
    private static boolean hooked;

    private Tracing() {
    }

    /** Runs {@code command} in {@code directory} under strace. */
    public static void launch(List<String> command, Path directory, RegionModelService models, Display display,
            Reporter say) {
        launch(command, directory, models, display, say, trace -> { });
    }

    /**
     * Runs {@code command} under strace and hands the started trace to {@code started} (on the UI thread), for
     * callers that talk to the program through its input and output.
     */
    public static void launch(List<String> command, Path directory, RegionModelService models, Display display,
            Reporter say, Consumer<LiveTrace> started) {
        start(String.join(" ", command), () -> LiveTrace.launch(command, directory, models, TraceOptions.DEFAULT),
                models, display, say, started);
    }

    /** Attaches strace to process {@code pid}. */
    public static void attach(long pid, RegionModelService models, Display display, Reporter say) {
        start("process " + pid, () -> LiveTrace.attach(pid, models, TraceOptions.DEFAULT), models, display, say,
                trace -> { });
    }

    private static void start(String what, Starter starter, RegionModelService models, Display display,
            Reporter say, Consumer<LiveTrace> onStart) {
        stop();
        BackgroundWork.run(NLS.bind(Messages.trace_job, what), display, monitor -> {
            try {
                return new Started(starter.start(), null);
            } catch (TraceException e) {
                return new Started(null, e.getMessage());
            }
        }, started -> {
            if (started.trace() == null) {
                say.say(NLS.bind(Messages.trace_cannot, started.failure()), true);
                return;
            }
            set(started.trace());
            ProcessFamilies.add(what, started.trace()::processes);
            List<Session> sessions = started.trace().sessions();
            Session shown = sessions.isEmpty() ? null : sessions.getFirst();
            if (shown != null) {
                showIfOpen(models, shown);
            }
            say.say(NLS.bind(Messages.trace_started, what), false);
            onStart.accept(started.trace());
            watchEnd(started.trace(), shown, models, display, say);
        }, text -> say.say(NLS.bind(Messages.trace_cannot, text), true));
    }

    /**
     * Waits for the trace's end; meanwhile shows the traced program's address space as soon as it has one
     * (a launched program's first session may come after the start returned), and when its process
     * replaces its image ({@code execve}: a shell or launcher script starting the real program), the new
     * address space in place of the old one, unless the user has turned to another session.
     */
    private static void watchEnd(LiveTrace trace, Session shown, RegionModelService models, Display display,
            Reporter say) {
        Thread watcher = new Thread(() -> {
            Session followed = shown;
            try {
                boolean ended;
                do {
                    ended = trace.awaitEnd(Duration.ofMillis(250));
                    Session latest = rootSession(trace);
                    if (latest != null && latest != followed) {
                        Session was = followed;
                        followed = latest;
                        BackgroundWork.back(display, () -> {
                            if (was == null || models.current() == was) {
                                showIfOpen(models, latest);
                            }
                        });
                    }
                } while (!ended);
            } catch (InterruptedException e) {
                return;
            }
            TraceStatus status = trace.status();
            String sessions = String.join(", ", trace.sessions().stream().map(Session::name).toList());
            BackgroundWork.back(display, () -> {
                clear(trace);
                say.say(NLS.bind(Messages.trace_ended, new Object[] { status.ended(), status.lines(),
                    status.reconciled(), sessions }), false);
            });
        }, "vmatlas trace watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Shows {@code session} unless it was closed meanwhile (by the user, or with the workbench). */
    private static void showIfOpen(RegionModelService models, Session session) {
        if (models.sessions().contains(session)) {
            models.setCurrent(session);
        }
    }

    /** The address space the traced program's own process has now (its latest image). */
    private static Session rootSession(LiveTrace trace) {
        return trace.processes().stream().filter(p -> p.pid() == trace.rootPid()).map(TracedProcess::session)
                .reduce((first, later) -> later).orElse(null);
    }

    private static synchronized void set(LiveTrace trace) {
        current = trace;
        if (!hooked) {
            // a launched program ends with the workbench; an attached process is left running, detached
            Runtime.getRuntime().addShutdownHook(new Thread(Tracing::stop, "vmatlas trace stop"));
            hooked = true;
        }
    }

    private static synchronized void clear(LiveTrace trace) {
        if (current == trace) {
            current = null;
        }
    }

    /** The trace running now, or {@code null}. */
    public static synchronized LiveTrace current() {
        return current;
    }

    /** Detaches from an attached process or ends a launched program; the end is told by the watcher. */
    public static synchronized boolean stop() {
        if (current == null) {
            return false;
        }
        current.stop();
        return true;
    }
}
