package org.vmatlas.render.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Prot;

class ProtPatternTest {

    /** The protections a pattern takes, as letters, private ones first, for readable failures. */
    private static String taken(String pattern) {
        ProtPattern parsed = ProtPattern.parse(pattern);
        StringBuilder out = new StringBuilder();
        for (int shared = 0; shared < 2; shared++) {
            for (int prot = 0; prot <= Prot.RWX; prot++) {
                if (parsed.matches(prot, shared == 1)) {
                    out.append(Prot.letters(prot)).append(shared == 1 ? 's' : 'p').append(' ');
                }
            }
        }
        return out.toString().strip();
    }

    @Test
    void exactLettersMatchBothSharings() {
        assertEquals("rw-p rw-s", taken("rw-"));
    }

    @Test
    void questionMarkIsAnyOneLetter() {
        assertEquals("r-xp rwxp r-xs rwxs", taken("r?x"));
    }

    @Test
    void starPrefixMeansAnythingExecutable() {
        ProtPattern pattern = ProtPattern.parse("*x");
        for (int prot = 0; prot <= Prot.RWX; prot++) {
            assertEquals((prot & Prot.EXEC) != 0, pattern.matches(prot, false), Prot.letters(prot));
            assertEquals((prot & Prot.EXEC) != 0, pattern.matches(prot, true), Prot.letters(prot));
        }
    }

    @Test
    void fourthLetterChoosesSharing() {
        assertEquals("rw-s", taken("rw-s"));
        assertEquals("---p", taken("---p"));
    }

    @Test
    void emptyAndBlankMatchEverything() {
        assertTrue(ProtPattern.parse("").matchesAll());
        assertTrue(ProtPattern.parse("  ").matchesAll());
        assertFalse(ProtPattern.parse("r").matchesAll());
    }

    @Test
    void upperCaseIsRead() {
        assertEquals(taken("r-x"), taken("R-X"));
    }

    @Test
    void badLetterIsNamedWithItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtPattern.parse("rq-"));
        assertTrue(e.getMessage().contains("'q' at position 2"), e.getMessage());
    }

    @Test
    void tooLongIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtPattern.parse("rwxps"));
        assertTrue(e.getMessage().contains("5 letters"), e.getMessage());
    }
}
