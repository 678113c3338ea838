package org.vmatlas.ui.internal.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.trace.GoHeapProgram;
import org.vmatlas.trace.LiveTrace;
import org.vmatlas.trace.TraceException;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.WorkspaceFolders;
import org.vmatlas.ui.trace.Tracing;

/**
 * The lesson "Go heap, for real": the Go program of {@link GoHeapProgram}, built with the {@code go} on the PATH and
 * traced live into a session, moved on one phase at a time by Step (a line on its input) or by itself at the
 * chosen speed by Run. At each phase the narration says what the runtime did and how many bytes of its heap are
 * Reserved, Prepared and Ready. Without {@code go} the lesson says how to install it and does not run.
 */
final class RealGoLesson {

    /** Where the lesson looks for {@code go}: the PATH (tests give one without it). */
    static volatile String searchPath = System.getenv("PATH");

    /** What the lesson tells the part it runs in (all on the UI thread). */
    interface Stage {
        void narrate(String text);

        void say(String text, boolean bad);

        void phase(int number, String line, String states);

        void enable(boolean runnable, boolean playing);
    }

    private final RegionModelService models;
    private final Display display;
    private final Stage stage;
    private LiveTrace trace;
    private boolean starting;
    private boolean waiting;
    private boolean running;
    private boolean over;
    private int phases;
    private int stepsPerSecond = 2;
    /** Counts the starts and stops: a build or trace that ends after its lesson was restarted or left is dropped. */
    private int attempt;

    RealGoLesson(RegionModelService models, Display display, Stage stage) {
        this.models = models;
        this.display = display;
        this.stage = stage;
    }

    /** {@code null} when {@code go} is on the search path, else the sentence that says so and how to get it. */
    static String unavailable() {
        return GoHeapProgram.findGo(searchPath) == null ? NLS.bind(GoLessonMessages.noGo, GoHeapProgram.INSTALL) : null;
    }

    /** Shown when the lesson is chosen: what it does, or why it cannot run here. */
    void introduce() {
        String missing = unavailable();
        stage.narrate(GoLessonMessages.intro);
        stage.say(missing != null ? missing : GoLessonMessages.ready, missing != null);
        stage.enable(missing == null, false);
    }

    void step() {
        running = false;
        if (trace == null) {
            start();
        } else {
            advance();
        }
    }

    void run() {
        running = true;
        if (trace == null) {
            start();
        } else {
            advance();
        }
    }

    void pause() {
        running = false;
        if (!over) {
            stage.enable(true, starting);
        }
    }

    void setStepsPerSecond(int value) {
        stepsPerSecond = Math.max(1, value);
    }

    /** Ends the program, if it runs; the lesson can start again. */
    void stop() {
        attempt++;
        starting = false;
        running = false;
        LiveTrace ending = trace;
        trace = null;
        over = false;
        waiting = false;
        phases = 0;
        if (ending != null) {
            ending.stop();
        }
    }

    private void start() {
        if (starting || over) {
            return;
        }
        Path go = GoHeapProgram.findGo(searchPath);
        if (go == null) {
            introduce();
            return;
        }
        starting = true;
        int mine = ++attempt;
        stage.enable(true, true);
        Path cache = cacheFolder();
        stage.say(NLS.bind(GoLessonMessages.building, cache), false);
        BackgroundWork.runVisible(GoLessonMessages.buildJob, display, monitor -> {
            try {
                return GoHeapProgram.build(go, cache);
            } catch (TraceException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, program -> {
            if (mine == attempt) {
                Tracing.launch(List.of("./" + program.getFileName()), cache, models, display, (text, bad) -> {
                    if (bad && mine == attempt) {
                        failed(text);
                    }
                }, traced -> started(traced, mine));
            }
        }, why -> {
            if (mine == attempt) {
                failed(why);
            }
        });
    }

    private void failed(String why) {
        starting = false;
        running = false;
        stage.say(NLS.bind(GoLessonMessages.cannot, why), true);
        stage.enable(true, false);
    }

    private void started(LiveTrace started, int mine) {
        if (mine != attempt) {
            started.stop(); // the lesson was restarted or left while strace started
            return;
        }
        starting = false;
        trace = started;
        stage.say(GoLessonMessages.tracing, false);
        stage.enable(true, running);
        Thread reader = new Thread(() -> readPhases(started), "vmatlas Go lesson");
        reader.setDaemon(true);
        reader.start();
    }

    /** The program's lines, each once strace's lines have caught up with it, then its end. */
    private void readPhases(LiveTrace traced) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(traced.programOutput(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                for (int i = 0; i < 100 && !traced.caughtUp(); i++) {
                    Thread.sleep(50);
                }
                String said = line;
                String states = GoLessonPhases.states(traced);
                BackgroundWork.back(display, () -> reached(traced, said, states));
            }
        } catch (IOException e) {
            // the program's output closed with the trace: its end is told below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BackgroundWork.back(display, () -> ended(traced));
    }

    private void reached(LiveTrace traced, String line, String states) {
        if (traced != trace) {
            return;
        }
        int index = GoLessonPhases.of(line);
        if (index < 0) {
            return;
        }
        phases++;
        stage.narrate(GoLessonPhases.narration(index) + " " + states);
        stage.phase(index + 1, line, states);
        waiting = index < GoHeapProgram.PHASES.size() - 1;
        if (waiting && running) {
            display.timerExec(1000 / stepsPerSecond, () -> {
                if (running && traced == trace) {
                    advance();
                }
            });
        }
    }

    private void advance() {
        if (!waiting || trace == null) {
            return;
        }
        waiting = false;
        stage.enable(true, running);
        try {
            trace.programInput().write('\n');
            trace.programInput().flush();
        } catch (IOException e) {
            failed(e.getMessage());
        }
    }

    private void ended(LiveTrace traced) {
        if (traced != trace) {
            return;
        }
        running = false;
        waiting = false;
        over = true;
        boolean finished = phases == GoHeapProgram.PHASES.size();
        stage.say(finished ? NLS.bind(GoLessonMessages.finished, phases)
                : NLS.bind(GoLessonMessages.ended, traced.status().ended()), !finished);
        stage.enable(false, false);
    }

    /** The workspace's own folder for it (kept between runs), else a fresh one in the temporary folder. */
    static Path cacheFolder() {
        Path kept = WorkspaceFolders.of("org.vmatlas.ui", "go-heap-lesson");
        if (kept != null) {
            return kept;
        }
        try {
            return Files.createTempDirectory("vmatlas-go-heap-lesson");
        } catch (IOException e) {
            throw new IllegalStateException("no folder to build the Go program in: " + e.getMessage(), e);
        }
    }
}
