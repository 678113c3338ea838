package org.vmatlas.owners.internal;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RecognitionContext;

/** The classification under way, as a recognizer sees it. */
final class Context implements RecognitionContext {

    private final List<Region> regions;
    private final OptionalLong pid;
    private final Owner[] owners;
    private final long[] starts;
    private final long[] ends;

    Context(List<Region> regions, OptionalLong pid, Owner[] owners, long[] starts, long[] ends) {
        this.regions = regions;
        this.pid = pid;
        this.owners = owners;
        this.starts = starts;
        this.ends = ends;
    }

    @Override
    public List<Region> regions() {
        return regions;
    }

    @Override
    public OptionalLong pid() {
        return pid;
    }

    @Override
    public Owner owner(int index) {
        return owners[index];
    }

    @Override
    public int indexAt(long address) {
        return ClassificationImpl.indexAt(starts, ends, address);
    }

    @Override
    public void claim(int index, Owner owner) {
        if (owner == null) {
            throw new IllegalArgumentException("region " + index + " cannot be claimed by no owner");
        }
        owners[index] = owner;
    }
}
