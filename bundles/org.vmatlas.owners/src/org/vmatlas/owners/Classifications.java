package org.vmatlas.owners;

import java.util.List;
import java.util.OptionalLong;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.owners.internal.ClassifierCore;
import org.vmatlas.owners.internal.RegionClassifierImpl;

/**
 * The generic rules without a service: names, protections, backing and ELF program headers, no process and
 * no runtime recognizers. For code without a service registry (exports, the command line's fallbacks,
 * benchmarks); the {@link RegionClassifier} service knows more.
 */
public final class Classifications {

    private static final ClassifierCore GENERIC = new ClassifierCore();

    private Classifications() {
    }

    /** Classifies {@code regions} (address order) by the generic rules. */
    public static Classification of(List<Region> regions) {
        return GENERIC.classify(regions, OptionalLong.empty(), List.of(), false, null);
    }

    /** Classifies every region of {@code space}, those above the user space ({@code [vsyscall]}) last. */
    public static Classification of(AddressSpace space) {
        return of(RegionClassifierImpl.allRegions(space));
    }
}
