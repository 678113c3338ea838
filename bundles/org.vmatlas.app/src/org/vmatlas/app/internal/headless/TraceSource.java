package org.vmatlas.app.internal.headless;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.trace.LiveTrace;
import org.vmatlas.trace.TraceException;
import org.vmatlas.trace.TraceOptions;
import org.vmatlas.trace.TraceStatus;

/**
 * A program traced live for a headless run: {@code --trace -- CMD} runs it on the terminal's own streams until
 * it exits; {@code --trace-pid PID} attaches, and detaches after {@code --seconds} (or when the process exits).
 * A trace that cannot start (no strace, ptrace not permitted, no such process or program) is bad input; the
 * run writes the traced program's own address space and names the others in the log.
 */
final class TraceSource {

    private static final TraceOptions OPTIONS = new TraceOptions(Duration.ofSeconds(3), true);

    private TraceSource() {
    }

    static Session launch(List<String> command, RegionModelService models, PrintStream log, BooleanSupplier cancelled)
            throws HeadlessFailure, InterruptedException {
        LiveTrace trace;
        try {
            trace = LiveTrace.launch(command, Path.of("").toAbsolutePath(), models, OPTIONS);
        } catch (TraceException e) {
            throw HeadlessFailure.badInput(Printable.of(e.getMessage()));
        }
        return follow(trace, Double.POSITIVE_INFINITY, log, cancelled);
    }

    static Session attach(long pid, double seconds, RegionModelService models, PrintStream log,
            BooleanSupplier cancelled) throws HeadlessFailure, InterruptedException {
        LiveTrace trace;
        try {
            trace = LiveTrace.attach(pid, models, OPTIONS);
        } catch (TraceException e) {
            throw HeadlessFailure.badInput(Printable.of(e.getMessage()));
        }
        return follow(trace, seconds > 0 ? seconds : Double.POSITIVE_INFINITY, log, cancelled);
    }

    private static Session follow(LiveTrace trace, double seconds, PrintStream log, BooleanSupplier cancelled)
            throws HeadlessFailure, InterruptedException {
        long end = Double.isInfinite(seconds) ? Long.MAX_VALUE : System.nanoTime() + (long) (seconds * 1e9);
        try {
            while (!trace.awaitEnd(Duration.ofMillis(100))) {
                if (cancelled.getAsBoolean() || System.nanoTime() - end >= 0) {
                    trace.stop();
                    trace.awaitEnd(Duration.ofSeconds(30));
                    break;
                }
            }
        } finally {
            trace.close();
        }
        if (cancelled.getAsBoolean()) {
            throw HeadlessFailure.badInput("cancelled while tracing");
        }
        TraceStatus status = trace.status();
        List<TracedProcess> processes = trace.processes();
        if (processes.isEmpty()) {
            throw HeadlessFailure.badInput(Printable.of(status.ended() != null ? status.ended() : "strace traced nothing"));
        }
        for (TracedProcess p : processes) {
            log.println("process " + Printable.of(p.toString()) + ": " + p.session().timeline().size() + " events");
        }
        log.println(Printable.of(status.ended()) + "; " + status.lines() + " strace lines, " + status.reconciled()
                + " reconciling events");
        return processes.getFirst().session();
    }
}
