package org.vmatlas.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.vmatlas.trace.internal.StraceMessages;

/**
 * The threads of one live trace: the reader of strace's output (which records into the sessions), the reader
 * of strace's complaints, and the timer that reconciles while the program is quiet. When strace's output ends
 * the reader finishes the tree, reconciles a process that runs on, and says why the trace ended.
 */
final class TraceRun {

    private final LiveTrace trace;
    private final Duration reconcileEvery;
    private final boolean forwardProgramErrors;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ScheduledExecutorService timer;
    private Thread errors;
    private volatile String endedWith;

    TraceRun(LiveTrace trace, Duration reconcileEvery, boolean forwardProgramErrors) {
        this.trace = trace;
        this.reconcileEvery = reconcileEvery;
        this.forwardProgramErrors = forwardProgramErrors;
    }

    void start() {
        Thread reader = new Thread(this::read, "vmatlas strace reader");
        reader.setDaemon(true);
        reader.start();
        errors = new Thread(this::readErrors, "vmatlas strace messages");
        errors.setDaemon(true);
        errors.start();
        trace.strace().onExit().thenRun(() -> trace.fifo().unblockReader());
        if (!reconcileEvery.isZero()) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vmatlas trace reconciler");
                t.setDaemon(true);
                return t;
            });
            long every = reconcileEvery.toMillis();
            timer.scheduleWithFixedDelay(() -> {
                if (trace.feed().caughtUp(200_000_000L)) {
                    trace.reconciler().run("while tracing");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void read() {
        try (InputStream in = trace.fifo().open()) {
            trace.feed().run(in);
        } catch (IOException | RuntimeException e) {
            endedWith = "reading strace's output failed: " + e.getMessage();
        }
        try {
            trace.strace().waitFor(10, TimeUnit.SECONDS);
            errors.join(2000); // its last complaint may say why strace ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            trace.spaces().finish();
            if (trace.attachedAlive()) {
                trace.reconciler().run("at the end");
            }
        } catch (RuntimeException e) {
            endedWith = "the trace could not be finished: " + e.getMessage();
        }
        if (endedWith == null) {
            endedWith = trace.endSentence();
        }
        trace.fifo().delete();
        finished.countDown();
        trace.ended();
    }

    private void readErrors() {
        try (BufferedReader lines = LiveTrace.lines(trace.strace().getErrorStream())) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (StraceMessages.fromStrace(line)) {
                    trace.straceSaid(StraceMessages.normal(line));
                } else if (forwardProgramErrors) {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            // strace is gone; its output reader says how the trace ended
        }
    }

    boolean finished() {
        return finished.getCount() == 0;
    }

    String endedWith() {
        return endedWith;
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
