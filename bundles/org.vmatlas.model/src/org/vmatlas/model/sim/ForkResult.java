package org.vmatlas.model.sim;

import java.util.List;

/**
 * The child of a simulated {@code fork} and what the fork changed that a program might not expect.
 *
 * @param child    a kernel holding the child's copy of every mapping
 * @param caveats  one message per effect worth telling (NetBSD: a private {@code MAP_REMAPDUP} pair decoupled)
 */
public record ForkResult(SimulatedKernel child, List<String> caveats) {

    public ForkResult {
        caveats = List.copyOf(caveats);
    }
}
