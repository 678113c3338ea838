package org.vmatlas.ui.internal.ops;

import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/** The kernels a new session can run on: the real process in a sandbox, or one of the simulated personalities. */
public enum KernelChoice {
    NATIVE(null), LINUX(Personality.LINUX), AIX(Personality.AIX), NETBSD(Personality.NETBSD);

    private final Personality personality;

    KernelChoice(Personality personality) {
        this.personality = personality;
    }

    public String label() {
        return switch (this) {
            case NATIVE -> Messages.ops_kernelNative;
            case LINUX -> Messages.ops_kernelLinux;
            case AIX -> Messages.ops_kernelAix;
            case NETBSD -> Messages.ops_kernelNetBsd;
        };
    }

    /**
     * A fresh kernel. The native one reserves its arena now.
     *
     * @throws RuntimeException when the native sandbox cannot be opened (not Linux, no native access, no memory)
     */
    public Kernel open() {
        return personality == null ? NativeKernel.open(VmatlasPreferences.arenaBytes()) : personality.newKernel();
    }

    /** What the rules say, for the chooser's tooltip. */
    public String rules() {
        return personality == null ? Messages.ops_kernelNativeRules : personality.rulesSummary();
    }
}
