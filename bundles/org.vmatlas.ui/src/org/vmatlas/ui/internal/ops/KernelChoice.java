package org.vmatlas.ui.internal.ops;

import org.vmatlas.model.sim.Personality;
import org.vmatlas.model.KernelSpec;
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

    /** The kernel to ask the model for; the native sandbox's arena size comes from the preferences. */
    public KernelSpec spec() {
        return personality == null ? new KernelSpec.NativeSandbox(VmatlasPreferences.arenaBytes())
                : new KernelSpec.Simulated(personality);
    }

    /** What the rules say, for the chooser's tooltip. */
    public String rules() {
        return personality == null ? Messages.ops_kernelNativeRules : personality.rulesSummary();
    }
}
