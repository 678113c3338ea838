package org.vmatlas.ui.internal.map;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.Residency;
import org.vmatlas.render.map.RegionFacts;

/** The map's colour modes read from a classification of the owners bundle: each region's type and residency. */
final class OwnerFacts implements RegionFacts {

    private final Classification classification;

    OwnerFacts(Classification classification) {
        this.classification = classification;
    }

    private int index(Region region) {
        int index = classification.indexAt(region.start());
        return index >= 0 && classification.regions().get(index).end() == region.end() ? index : -1;
    }

    @Override
    public Type type(Region region) {
        int index = index(region);
        if (index < 0) {
            return null;
        }
        Owner owner = classification.owner(index);
        return new Type(owner.type().name(), owner.type().displayName());
    }

    /** The owner's name for the map's labels ("Java heap", "stack of thread 4711"), or {@code null}. */
    @Override
    public String owner(Region region) {
        int index = index(region);
        return index < 0 ? null : classification.owner(index).name();
    }

    /** The owner's words for the hover ("libc.so.6 text", "Java heap"), or {@code null}. */
    String ownerLabel(Region region) {
        int index = index(region);
        return index < 0 ? null : classification.owner(index).label();
    }

    @Override
    public double resident(Region region) {
        Residency residency = residency(region);
        return residency == null ? Double.NaN : fraction(residency.rss(), region);
    }

    @Override
    public double dirty(Region region) {
        Residency residency = residency(region);
        if (residency == null || !Residency.known(residency.privateDirty()) || !Residency.known(residency.sharedDirty())) {
            return Double.NaN;
        }
        return fraction(residency.privateDirty() + residency.sharedDirty(), region);
    }

    @Override
    public double swapped(Region region) {
        Residency residency = residency(region);
        return residency == null || !Residency.known(residency.swap()) ? Double.NaN : fraction(residency.swap(), region);
    }

    private Residency residency(Region region) {
        int index = index(region);
        if (index < 0 || !classification.hasResidency()) {
            return null;
        }
        Residency residency = classification.residency(index);
        return residency.isKnown() ? residency : null;
    }

    private static double fraction(long bytes, Region region) {
        return Math.min(1, (double) bytes / Math.max(1, region.end() - region.start()));
    }
}
