package org.vmatlas.ui.internal.map;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.render.map.ColourMode;
import org.vmatlas.render.map.Colouring;

/**
 * The facts behind the map's colour modes: the owners service's classification of the regions shown (the
 * generic rules when the service is not there), made again when the regions change, residency at most once
 * a second (it reads smaps).
 */
final class MapFacts {

    private static final long RESIDENCY_EVERY_NANOS = 1_000_000_000L;
    private final RegionClassifier classifier;
    private List<Region> classifiedRegions;
    private boolean withResidency;
    private long classifiedAt;
    private OwnerFacts facts;

    MapFacts(RegionClassifier classifier) {
        this.classifier = classifier;
    }

    /** Makes the next colouring classify again (the mode changed). */
    void forget() {
        classifiedRegions = null;
    }

    Colouring colouring(ColourMode mode, Session session, AddressSpace space, boolean live) {
        if (mode == ColourMode.PROTECTION) {
            return Colouring.PROTECTION;
        }
        boolean residency = mode != ColourMode.TYPE;
        List<Region> regions = space.regions();
        long now = System.nanoTime();
        boolean changed = regions != classifiedRegions || residency != withResidency;
        boolean due = !residency || classifiedRegions == null || now - classifiedAt >= RESIDENCY_EVERY_NANOS;
        if (changed && due) {
            facts = new OwnerFacts(classify(session, regions, residency && live, live));
            classifiedRegions = regions;
            withResidency = residency;
            classifiedAt = now;
        }
        return new Colouring(mode, facts);
    }

    private Classification classify(Session session, List<Region> regions, boolean residency, boolean live) {
        try {
            if (classifier != null) {
                return live ? classifier.classify(session, residency) : classifier.classify(regions, OptionalLong.empty());
            }
        } catch (RuntimeException e) {
            // a process that went away or a file that cannot be read: the generic rules still say the types
        }
        return Classifications.of(regions);
    }

    /** The owner's words for the hover, or {@code null}. */
    String ownerLabel(Region region) {
        return facts == null ? null : facts.ownerLabel(region);
    }
}
