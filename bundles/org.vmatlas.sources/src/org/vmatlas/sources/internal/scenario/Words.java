package org.vmatlas.sources.internal.scenario;

import java.util.List;

/** The words of a scenario line after its verb, consumed in order; mistakes name the verb and what was missing. */
final class Words {
    private final String verb;
    private final List<String> words;
    private int next;

    Words(String verb, List<String> words) {
        this.verb = verb;
        this.words = words;
    }

    boolean more() {
        return next < words.size();
    }

    String next(String what) {
        if (!more()) {
            throw new IllegalArgumentException(verb + ": missing " + what);
        }
        return words.get(next++);
    }

    void expect(String word) {
        String got = next("'" + word + "'");
        if (!got.equals(word)) {
            throw new IllegalArgumentException(verb + ": expected '" + word + "', found '" + got + "'");
        }
    }

    Instruction done(Instruction result) {
        if (more()) {
            throw new IllegalArgumentException(verb + ": unexpected '" + words.get(next) + "' at the end");
        }
        return result;
    }
}
