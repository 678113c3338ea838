package org.vmatlas.ui.internal.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.ui.internal.BackgroundWork;

/**
 * Classifies the address space a part shows, off the UI thread (reading smaps or asking a JVM through jcmd
 * takes time): at most one classification runs, only the latest request waits, and a live process is
 * classified again at most every {@link #LIVE_SPACING_MS} so that smaps is not read ten times a second.
 */
public final class Classifying {

    static final int LIVE_SPACING_MS = 2000;

    private record Request(Session session, AddressSpace space, boolean residency) {
    }

    private final Display display;
    private final RegionClassifier classifier;
    private final Consumer<Classification> done;
    private Request pending;
    private boolean running;
    private long lastStart;

    /** @param classifier the service, or {@code null} when it is missing (then nothing is classified) */
    public Classifying(Display display, RegionClassifier classifier, Consumer<Classification> done) {
        this.display = display;
        this.classifier = classifier;
        this.done = done;
    }

    /** Asks for {@code space} of {@code session} to be classified, with residency for a live process. */
    public void request(Session session, AddressSpace space) {
        if (classifier == null || session == null || space == null) {
            return;
        }
        pending = new Request(session, space, session.process().isPresent());
        if (!running) {
            start();
        }
    }

    private void start() {
        Request request = pending;
        if (request == null || display.isDisposed()) {
            return;
        }
        long wait = request.residency() ? lastStart + LIVE_SPACING_MS - System.currentTimeMillis() : 0;
        if (wait > 0) {
            running = true;
            display.timerExec((int) wait, () -> {
                running = false;
                start();
            });
            return;
        }
        pending = null;
        running = true;
        lastStart = System.currentTimeMillis();
        BackgroundWork.run(Messages.classifying, display,
                monitor -> classifier.classify(withKernelRegions(request.space()), request.session().process(),
                        request.residency()),
                result -> finished(result), message -> finished(null));
    }

    private void finished(Classification result) {
        running = false;
        if (result != null) {
            done.accept(result);
        }
        start();
    }

    /** The user space and, after it, the regions above it ({@code [vsyscall]}): every region the kernel lists. */
    static List<Region> withKernelRegions(AddressSpace space) {
        if (space.kernelRegions().isEmpty()) {
            return space.regions();
        }
        List<Region> all = new ArrayList<>(space.regions());
        all.addAll(space.kernelRegions());
        return all;
    }
}
