package org.vmatlas.model.sim;

import org.vmatlas.model.internal.RuleSet;

/** The rule sets vmatlas simulates; each makes kernels of its own and drives the model's sessions. */
public enum Personality {
    LINUX(new LinuxRules(), "MAP_FIXED replaces; MAP_FIXED_NOREPLACE fails with EEXIST; mremap MAYMOVE, FIXED, "
            + "DONTUNMAP and old_size 0 duplicates of shared mappings; mprotect applies up to the first hole"),
    AIX(new AixRules(), "mmap over a mapped range fails (EINVAL, assumed); sysMap uses mprotect; no mremap, "
            + "no memfd_create"),
    NETBSD(new NetBsdRules(), "PROT_MPROTECT maximum protections, mprotect above them fails with EACCES; "
            + "mremap MAP_REMAPDUP duplicates; fork breaks private duplicates");

    private final RuleSet rules;
    private final String summary;

    Personality(RuleSet rules, String summary) {
        this.rules = rules;
        this.summary = summary;
    }

    public SimulatedKernel newKernel() {
        return new SimulatedKernel(this);
    }

    public String rulesSummary() {
        return summary;
    }

    /** The rule set sessions use to turn answers into region changes (model implementation, not for views). */
    public RuleSet rules() {
        return rules;
    }

    /** {@code "Linux"}, {@code "AIX"}, {@code "NetBSD"}. */
    public String displayName() {
        return rules.name();
    }
}
