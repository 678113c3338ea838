package org.vmatlas.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.strace.ProcessSpaces;
import org.vmatlas.sources.strace.StraceLines;
import org.vmatlas.sources.strace.Syscall;
import org.vmatlas.sources.strace.TracedCall;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.trace.internal.AttachRefusals;
import org.vmatlas.trace.internal.Fifo;
import org.vmatlas.trace.internal.LineFeed;
import org.vmatlas.trace.internal.ProcHost;
import org.vmatlas.trace.internal.Reconciler;
import org.vmatlas.trace.internal.StraceCommand;
import org.vmatlas.trace.internal.StraceMessages;

/**
 * A program traced live: launched under {@code strace}, or a running process strace attached to. strace's lines
 * are read as they are written and land in sessions at once, one per address space of the program tree
 * ({@link #processes()}). {@link #stop()} detaches from an attached process, which runs on, and ends a launched
 * one. Whatever ends the trace (the program exits, strace fails, the process vanishes) ends it with one sentence
 * ({@link #status()}); the sessions keep everything recorded before.
 */
public final class LiveTrace implements AutoCloseable {

    private static final long QUIET_NANOS = 200_000_000L;

    private final String what;
    private final long attachedPid;
    private final Fifo fifo;
    private final Process strace;
    private final ProcessSpaces spaces;
    private final LineFeed feed;
    private final Reconciler reconciler;
    private final TraceRun run;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int rootPid;
    private volatile String rootEnd;
    private volatile String complaint;
    private volatile boolean stopping;

    private LiveTrace(String what, long attachedPid, Fifo fifo, ProcessBuilder builder, ProcessSpaces spaces,
            TraceOptions options) throws TraceException {
        this.what = what;
        this.attachedPid = attachedPid;
        this.fifo = fifo;
        this.spaces = spaces;
        this.rootPid = (int) attachedPid;
        this.feed = new LineFeed(new StraceLines("strace of " + what), this::accept);
        this.reconciler = new Reconciler(spaces);
        try {
            this.strace = builder.start();
        } catch (IOException e) {
            fifo.delete();
            throw new TraceException("cannot start strace to trace " + what + ": " + e.getMessage());
        }
        this.run = new TraceRun(this, options.reconcileEvery(), options.inheritIo());
        run.start();
        awaitStart();
    }

    /** Runs {@code command} in {@code directory} under strace; returns once strace has started it. */
    public static LiveTrace launch(List<String> command, Path directory, RegionModelService models, TraceOptions options)
            throws TraceException {
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new TraceException("no program to trace: give a command line");
        }
        String what = "'" + String.join(" ", command) + "'";
        Path strace = straceOrFail(what);
        if (directory != null && !Files.isDirectory(directory)) {
            throw new TraceException("cannot run " + what + " in " + directory + ": no such directory");
        }
        Fifo fifo = Fifo.make(what);
        ProcessBuilder builder = new ProcessBuilder(StraceCommand.launch(strace, fifo.path(), command));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        if (options.inheritIo()) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        return new LiveTrace(what, 0, fifo, builder, new ProcessSpaces(sessions(models), new ProcHost(), "strace", false),
                options);
    }

    /** Attaches strace to every thread of process {@code pid}; its current mappings are the starting point. */
    public static LiveTrace attach(long pid, RegionModelService models, TraceOptions options) throws TraceException {
        String what = "process " + pid;
        Path strace = straceOrFail(what);
        String refusal = AttachRefusals.before(pid, ProcessHandle.current().pid());
        if (refusal != null) {
            throw new TraceException(refusal);
        }
        List<Mapping> start = new ProcHost().maps(pid);
        if (start == null) {
            throw new TraceException(AttachRefusals.unreadable(pid, System.getProperty("user.name")));
        }
        String command = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("pid " + pid);
        Session session = models.openReplaySession("pid " + pid + " " + command, Personality.LINUX, pid);
        // on strace's clock (-ttt, the wall clock), as the calls that follow
        session.applySnapshot(start, "/proc/" + pid + "/maps at attach", Reconciler.wallClockNanos());
        ProcessSpaces spaces = new ProcessSpaces(sessions(models), new ProcHost(), "strace", false);
        spaces.adopt((int) pid, command, session);
        Fifo fifo = Fifo.make(what);
        return new LiveTrace(what, pid, fifo, new ProcessBuilder(StraceCommand.attach(strace, fifo.path(), pid)),
                spaces, options);
    }

    private static Path straceOrFail(String what) throws TraceException {
        Path strace = StraceCommand.locate();
        if (strace == null) {
            throw new TraceException("strace is not installed: install it (apt-get install strace) to trace " + what);
        }
        return strace;
    }

    /** Each address space's session names its leader, so smaps, stacks and residency can be read live. */
    private static java.util.function.BiFunction<String, Integer, Session> sessions(RegionModelService models) {
        return (name, pid) -> models.openReplaySession(name, Personality.LINUX, pid);
    }

    private void awaitStart() throws TraceException {
        try {
            boolean ready = started.await(30, TimeUnit.SECONDS);
            if (!ready || run.finished() && feed.calls() == 0) {
                stop();
                run.awaitFinished(Duration.ofSeconds(10));
                String why = complaint != null ? complaint : "strace ended before tracing " + what;
                throw new TraceException(why);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new TraceException("interrupted while starting to trace " + what);
        }
    }

    private void accept(TracedCall call) {
        if (rootPid == 0) {
            rootPid = call.pid();
        }
        started.countDown();
        spaces.accept(call);
        if (call.syscall() == Syscall.EXIT && call.pid() == rootPid) {
            rootEnd = call.path();
        }
    }

    // --- used by TraceRun, on its threads

    Process strace() {
        return strace;
    }

    Fifo fifo() {
        return fifo;
    }

    LineFeed feed() {
        return feed;
    }

    Reconciler reconciler() {
        return reconciler;
    }

    ProcessSpaces spaces() {
        return spaces;
    }

    /** A line strace wrote on its standard error; the program's own lines pass on to {@code programErr}. */
    void straceSaid(String line) {
        if (StraceMessages.routine(line)) {
            started.countDown();
        } else if (complaint == null) {
            complaint = StraceMessages.sentence(line, what);
        }
    }

    void ended() {
        started.countDown();
    }

    /** Whether the attached process still runs (after a detach). */
    boolean attachedAlive() {
        return attachedPid > 0 && ProcessHandle.of(attachedPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The sentence the trace ends with. */
    String endSentence() {
        if (feed.lines() == 0 && complaint != null) {
            return complaint;
        }
        if (attachedPid > 0) {
            return attachedAlive() ? "detached from " + what + "; it runs on"
                    : what + (rootEnd != null ? " " + rootEnd : " has exited");
        }
        if (rootEnd != null) {
            return what + " (pid " + rootPid + ") " + rootEnd;
        }
        return stopping ? "stopped " + what : complaint != null ? complaint : "strace ended while tracing " + what;
    }

    // --- the API

    /** The launched program's standard input (a pipe unless {@link TraceOptions#inheritIo()}). */
    public OutputStream programInput() {
        return strace.getOutputStream();
    }

    /** The launched program's standard output (a pipe unless {@link TraceOptions#inheritIo()}). */
    public InputStream programOutput() {
        return strace.getInputStream();
    }

    /** The processes of the traced tree, in order of appearance, each with the session of its address space. */
    public List<TracedProcess> processes() {
        return spaces.processes();
    }

    /** Every session the trace opened (one per address space). */
    public List<Session> sessions() {
        return spaces.sessions();
    }

    /** The traced program's own process id (0 until strace has said). */
    public int rootPid() {
        return rootPid;
    }

    public TraceStatus status() {
        boolean running = !run.finished();
        return new TraceStatus(feed.lines(), feed.calls(), reconciler.applied(), spaces.waitingCalls(), running,
                running ? null : run.endedWith());
    }

    /** Whether every line strace has written was recorded and nothing new came for a fifth of a second. */
    public boolean caughtUp() {
        return feed.caughtUp(QUIET_NANOS) || run.finished();
    }

    /** Compares the models with {@code /proc/PID/maps} now and applies what the trace did not explain. */
    public void reconcile() {
        reconciler.run("on request");
    }

    /** Detaches from an attached process (it runs on) or ends a launched program; returns at once. */
    public void stop() {
        stopping = true;
        if (attachedPid > 0) {
            strace.destroy();
        } else {
            strace.descendants().forEach(ProcessHandle::destroyForcibly);
            strace.destroy();
        }
    }

    /** Waits for the end of the trace; {@code true} when it ended in time. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return run.awaitFinished(timeout);
    }

    @Override
    public void close() {
        stop();
        try {
            if (!awaitEnd(Duration.ofSeconds(10))) {
                strace.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static BufferedReader lines(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
