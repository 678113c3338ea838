package org.vmatlas.owners;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Region;

/**
 * The owner of every region of one address space at one moment, with residency where it was measured.
 * Immutable and safe to share between threads; indexed like the regions it was made from so that a table
 * or a map can walk tens of thousands of regions without building objects.
 */
public interface Classification {

    /** The regions classified, in address order (the snapshot's own list). */
    List<Region> regions();

    default int size() {
        return regions().size();
    }

    /** The process the regions were read from, when there is one. */
    OptionalLong pid();

    /** The owner of region {@code index}. */
    Owner owner(int index);

    default RegionType type(int index) {
        return owner(index).type();
    }

    /** {@code true} when residency was measured for this classification (not necessarily for every region). */
    boolean hasResidency();

    /** Residency of region {@code index}; {@link Residency#UNKNOWN} when it was not measured. */
    Residency residency(int index);

    /** When residency was measured ({@link System#nanoTime()}), or 0 when it was not. */
    long residencyTimeNanos();

    /** Index of the region holding {@code address}, or -1. */
    int indexAt(long address);

    /** The owner of {@code address} with its offset and nearest symbol where the owner's file has symbols. */
    Location locate(long address);
}
