package org.vmatlas.owners;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.Region;

/** What a {@link Recognizer} sees of one address space, and where it writes the owners it recognises. */
public interface RecognitionContext {

    /** The regions, in address order. */
    List<Region> regions();

    /** The live process, when the regions were read from one. */
    OptionalLong pid();

    /** The owner given so far to region {@code index}. */
    Owner owner(int index);

    /** Index of the region holding {@code address}, or -1. */
    int indexAt(long address);

    /** Gives region {@code index} to {@code owner}, replacing the owner given so far. */
    void claim(int index, Owner owner);
}
