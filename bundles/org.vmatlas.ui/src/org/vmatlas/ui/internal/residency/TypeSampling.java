package org.vmatlas.ui.internal.residency;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.owners.RegionType;
import org.vmatlas.sources.residency.ResidencyHistory;
import org.vmatlas.ui.internal.BackgroundWork;

/**
 * Turns a residency sample into a point of resident bytes by type, off the UI thread: the owners' service
 * types the session's regions (without reading smaps again), and each sampled region's RSS goes to the type
 * of the region holding its start, or its last byte (a region that grew downwards since the maps were read).
 * One classification at a time; a sample that comes while one runs waits for the next.
 */
final class TypeSampling {

    private final Display display;
    private final RegionClassifier classifier;
    private final Runnable changed;
    private boolean running;

    TypeSampling(Display display, RegionClassifier classifier, Runnable changed) {
        this.display = display;
        this.classifier = classifier;
        this.changed = changed;
    }

    /** Classifies {@code space} and adds the point of {@code sampling}'s latest sample, unless one is under way. */
    void request(Sampling sampling, AddressSpace space) {
        if (classifier == null || running || display.isDisposed()) {
            return;
        }
        running = true;
        List<Region> regions = new ArrayList<>(space.regions());
        regions.addAll(space.kernelRegions());
        ResidencyHistory history = sampling.history();
        BackgroundWork.run(Messages.classifyingTypes, display, monitor -> {
            long time = history.latestTimeNanos();
            Classification owners = classifier.classify(regions, OptionalLong.of(sampling.pid()), false);
            return new Point(time, rssByType(owners, history.latestRegions()));
        }, point -> {
            running = false;
            var byType = sampling.byType();
            if (point.time() != 0 && (byType.size() == 0 || point.time() > byType.timeNanos(byType.size() - 1))) {
                byType.add(point.time(), point.bytes());
                changed.run();
            }
        }, message -> running = false);
    }

    private record Point(long time, long[] bytes) {
    }

    static long[] rssByType(Classification owners, List<ResidencyHistory.RegionSample> sampled) {
        long[] bytes = new long[RegionType.values().length];
        for (ResidencyHistory.RegionSample s : sampled) {
            int index = owners.indexAt(s.region().start());
            if (index < 0) {
                index = owners.indexAt(s.region().end() - 1);
            }
            if (index >= 0) {
                bytes[owners.type(index).ordinal()] += s.figures().rss();
            }
        }
        return bytes;
    }
}
