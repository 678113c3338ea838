package org.vmatlas.model;

import org.vmatlas.model.sim.Personality;

/**
 * The kernel a new session should run on, described rather than built: the model opens it
 * ({@link RegionModelService#open}) and says why when it cannot, so no view ever constructs a kernel.
 */
public sealed interface KernelSpec permits KernelSpec.NativeSandbox, KernelSpec.Simulated {

    /** The running Linux process's own calls, fenced by a sandbox that reserves an arena of {@code arenaBytes}. */
    record NativeSandbox(long arenaBytes) implements KernelSpec {
        /** The default arena: 1 GiB of address space (no memory: the reservation is {@code MAP_NORESERVE}). */
        public static final long DEFAULT_ARENA = 1L << 30;

        public NativeSandbox {
            if (arenaBytes <= 0) {
                throw new IllegalArgumentException("a sandbox arena needs a positive size, not " + arenaBytes);
            }
        }
    }

    /** A simulated kernel applying {@code personality}'s rules to an address space of its own. */
    record Simulated(Personality personality) implements KernelSpec {
        public Simulated {
            if (personality == null) {
                throw new IllegalArgumentException("a simulated kernel needs a personality");
            }
        }
    }

    static KernelSpec nativeSandbox() {
        return new NativeSandbox(NativeSandbox.DEFAULT_ARENA);
    }

    static KernelSpec simulated(Personality personality) {
        return new Simulated(personality);
    }
}
