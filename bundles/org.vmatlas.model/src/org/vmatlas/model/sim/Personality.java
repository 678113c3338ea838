package org.vmatlas.model.sim;

import org.vmatlas.model.internal.RuleSet;
import org.vmatlas.model.internal.RuleSets;

/** The rule sets vmatlas simulates; each makes kernels of its own and drives the model's sessions. */
public enum Personality {
    LINUX(new LinuxRules(), "MAP_FIXED replaces; MAP_FIXED_NOREPLACE fails with EEXIST; mremap MAYMOVE, FIXED, "
            + "DONTUNMAP and old_size 0 duplicates of shared mappings; mprotect applies up to the first hole"),
    AIX(new AixRules(), "mmap over a mapped range fails (EINVAL, assumed); sysMap uses mprotect; no mremap, "
            + "no memfd_create"),
    NETBSD(new NetBsdRules(), "PROT_MPROTECT maximum protections, mprotect above them fails with EACCES; "
            + "mremap MAP_REMAPDUP duplicates; fork breaks private duplicates");

    private final String displayName;
    private final String summary;

    Personality(RuleSet rules, String summary) {
        this.displayName = rules.name();
        this.summary = summary;
        RuleSets.register(this, rules);
    }

    public SimulatedKernel newKernel() {
        return new SimulatedKernel(this);
    }

    public String rulesSummary() {
        return summary;
    }

    /** {@code "Linux"}, {@code "AIX"}, {@code "NetBSD"}. */
    public String displayName() {
        return displayName;
    }
}
