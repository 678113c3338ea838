package org.vmatlas.app.internal.headless;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.sources.scenario.Lessons;

/**
 * One headless run from its arguments to its exit status, in-process (the Equinox application and the
 * tests call it alike). Whatever happens, it prints at most one sentence to {@code err}, prefixed
 * {@code vmatlas: }, and returns 0, {@link HeadlessFailure#BAD_INPUT} or {@link HeadlessFailure#INTERNAL};
 * stack traces go to the log file only.
 */
public final class HeadlessMain {

    private final Callable<RegionModelService> models;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier cancelled;

    /**
     * @param models    finds the model service, or answers {@code null} when it did not start
     * @param cancelled asked between calls, lines and readings; once true the run stops and writes nothing
     */
    public HeadlessMain(Callable<RegionModelService> models, PrintStream out, PrintStream err, BooleanSupplier cancelled) {
        this.models = models;
        this.out = out;
        this.err = err;
        this.cancelled = cancelled;
    }

    public int run(String... args) {
        try {
            HeadlessOptions options = HeadlessOptions.parse(args);
            switch (options.mode()) {
                case HELP -> out.print(HeadlessCommand.usage());
                case LIST -> Lessons.names().forEach(out::println);
                case RUN -> {
                    RegionModelService service = models.call();
                    if (service == null) {
                        throw HeadlessFailure.internal("the region-model service did not start (is org.apache.felix.scr running?)", null);
                    }
                    new HeadlessRun(service, out, cancelled).run(options);
                }
                case COMPARE_OWNERS -> {
                    RegionModelService service = models.call();
                    if (service == null) {
                        throw HeadlessFailure.internal("the region-model service did not start (is org.apache.felix.scr running?)", null);
                    }
                    new OwnerCompareRun(service, OwnerCompareRun.classifier(), out).run(options.input());
                }
            }
            out.flush();
            return 0;
        } catch (HeadlessFailure failure) {
            return fail(failure.exitCode(), failure.getMessage(), failure.exitCode() == HeadlessFailure.INTERNAL
                    ? failure.getCause() : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(HeadlessFailure.BAD_INPUT, "interrupted", null);
        } catch (OutOfMemoryError e) {
            return fail(HeadlessFailure.INTERNAL, "ran out of memory (VMATLAS_JAVA_OPTS=-Xmx4g gives it more)", e);
        } catch (Throwable e) {
            return fail(HeadlessFailure.INTERNAL, "internal error (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private int fail(int exitCode, String sentence, Throwable cause) {
        out.flush();
        String where = "";
        if (cause != null || exitCode == HeadlessFailure.INTERNAL) {
            where = log(sentence, cause);
        }
        err.println("vmatlas: " + sentence + where);
        err.flush();
        return exitCode;
    }

    /** Logs the failure with its stack trace; returns {@code "; details in FILE"}, or "" when there is no log. */
    private static String log(String sentence, Throwable cause) {
        try {
            Platform.getLog(HeadlessMain.class).log(Status.error("vmatlas --headless: " + sentence, cause));
            var file = Platform.getLogFileLocation();
            return file == null ? "" : "; details in " + Printable.of(file.toOSString());
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }
}
