package org.vmatlas.app.internal.headless;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.OwnerComparison;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.owners.TypeSummary;
import org.vmatlas.sources.live.SessionSink;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;

/**
 * {@code --compare-owners PID1 PID2}: reads both processes once, classifies them (thread stacks, runtimes,
 * residency from smaps) and prints, per type and owner, what differs: {@code libc.so.6 text: same},
 * {@code Java heap: +512 MiB committed}, {@code 3 new thread stacks}; then both totals. Addresses are never
 * compared: randomisation makes them differ between runs. The same pid twice compares one process with
 * itself a moment later.
 */
final class OwnerCompareRun {

    private final RegionModelService models;
    private final RegionClassifier classifier;
    private final PrintStream out;

    OwnerCompareRun(RegionModelService models, RegionClassifier classifier, PrintStream out) {
        this.models = models;
        this.classifier = classifier;
        this.out = out;
    }

    /** The classifier service, or {@code null} when it did not start. */
    static RegionClassifier classifier() throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(OwnerCompareRun.class);
        if (bundle == null || bundle.getBundleContext() == null) {
            return null;
        }
        ServiceTracker<RegionClassifier, RegionClassifier> tracker =
                new ServiceTracker<>(bundle.getBundleContext(), RegionClassifier.class, null);
        tracker.open();
        try {
            return tracker.waitForService(10_000);
        } finally {
            tracker.close();
        }
    }

    /** @param pids the two process ids, separated by a space (as {@link HeadlessOptions} keeps them) */
    void run(String pids) throws HeadlessFailure {
        if (classifier == null) {
            throw HeadlessFailure.internal("the region classifier did not start (is org.apache.felix.scr running?)", null);
        }
        String[] two = pids.split(" ");
        Classification before = classify(Long.parseLong(two[0]));
        Classification after = classify(Long.parseLong(two[1]));
        List<OwnerComparison.Change> changes = OwnerComparison.compare(before, after);
        out.println("process " + two[0] + " -> process " + two[1] + ", by type and owner:");
        for (OwnerComparison.Change change : changes) {
            out.println("  " + change.type().displayName() + ": " + Printable.of(change.describe()));
        }
        TypeSummary a = TypeSummary.of(before);
        TypeSummary b = TypeSummary.of(after);
        out.println("total: " + total(a.total()) + " -> " + total(b.total()));
        out.flush();
    }

    private static String total(TypeSummary.Row row) {
        return OwnerComparison.bytes(row.size()) + " in " + row.regions() + " regions, "
                + OwnerComparison.bytes(row.committed()) + " committed"
                + (row.rss() >= 0 ? ", " + OwnerComparison.bytes(row.rss()) + " resident" : "");
    }

    private Classification classify(long pid) throws HeadlessFailure {
        ProcResult<MapsSnapshot> read = new ProcReader().maps(pid);
        if (!read.isRead()) {
            ProcFailure f = read.failure();
            throw HeadlessFailure.badInput(f.kind() == ProcFailure.Kind.EXITED
                    ? "there is no process " + pid + " (it has exited, or never ran)" : Printable.of(f.message()));
        }
        Session session = models.openObservedSession("pid " + pid + " (compared)", pid);
        try {
            new SessionSink(session, pid).snapshot(read.value());
            return classifier.classify(session, true);
        } finally {
            models.close(session);
        }
    }
}
