package org.vmatlas.model.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.vmatlas.model.sim.Personality;

/**
 * Which rule set each personality applies: the model's own business, kept out of the public
 * {@link Personality} type. Each personality registers its rules as it is created.
 */
public final class RuleSets {
    // not an EnumMap: personalities register from their own constructors, before values() exists
    private static final Map<Personality, RuleSet> BY_PERSONALITY = new ConcurrentHashMap<>();

    private RuleSets() {
    }

    public static void register(Personality personality, RuleSet rules) {
        BY_PERSONALITY.put(personality, rules);
    }

    public static RuleSet of(Personality personality) {
        RuleSet rules = BY_PERSONALITY.get(personality);
        if (rules == null) {
            throw new IllegalStateException("no rules registered for " + personality);
        }
        return rules;
    }
}
