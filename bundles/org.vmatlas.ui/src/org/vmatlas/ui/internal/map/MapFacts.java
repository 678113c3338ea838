package org.vmatlas.ui.internal.map;

import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.Session;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.RegionClassifier;
import org.vmatlas.render.map.ColourMode;
import org.vmatlas.render.map.Colouring;
import org.vmatlas.ui.internal.summary.Classifying;

/**
 * The facts behind the map's colour modes. The owners service's classification reads smaps, thread stacks and
 * may ask a JVM through jcmd, so it runs off the UI thread ({@link Classifying}); until it answers, the
 * generic rules (kernel names, protections, backing) colour the regions at once. Classified again when the
 * regions change, and for residency at most once a second.
 */
final class MapFacts {

    private static final long RESIDENCY_EVERY_NANOS = 1_000_000_000L;
    private final Classifying classifying;
    private Session session;
    private List<Region> requested;
    private long requestedAt;
    private OwnerFacts facts;

    /** @param changed told (on the UI thread) when a classification arrived, to draw again */
    MapFacts(Display display, RegionClassifier classifier, Runnable changed) {
        this.classifying = new Classifying(display, classifier, result -> {
            facts = new OwnerFacts(result);
            changed.run();
        });
    }

    /** Makes the next colouring classify again (the mode changed). */
    void forget() {
        requested = null;
    }

    Colouring colouring(ColourMode mode, Session shown, AddressSpace space, boolean live) {
        if (mode == ColourMode.PROTECTION) {
            return Colouring.PROTECTION;
        }
        List<Region> regions = space.regions();
        long now = System.nanoTime();
        boolean residencyDue = mode != ColourMode.TYPE && live && now - requestedAt >= RESIDENCY_EVERY_NANOS;
        if (shown != session || facts == null) {
            session = shown;
            facts = new OwnerFacts(Classifications.of(regions));
            requested = null;
        }
        if (regions != requested || residencyDue) {
            requested = regions;
            requestedAt = now;
            classifying.request(shown, space);
        }
        return new Colouring(mode, facts);
    }

    /** The owner's words for the hover, or {@code null}. */
    String ownerLabel(Region region) {
        return facts == null ? null : facts.ownerLabel(region);
    }
}
