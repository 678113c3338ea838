package org.vmatlas.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void printableTextIsLeftAlone() {
        String text = "mmap 64K rw as heap # ünïcode, 日本, 🙂, read(3, \"\\177ELF\\2\", 832)";
        assertSame(text, Printable.escape(text));
    }

    @Test
    void controlFormatAndBrokenCharactersAreEscaped() {
        assertEquals("a\\x1b[31mb\\x00\\n\\t\\c\\x7f\\x85", Printable.escape("a\u001b[31mb\u0000\n\t\\c\u007f\u0085"));
        assertEquals("x\\u202ey\\u200bz\\ud800", Printable.escape("x\u202ey\u200bz\ud800"));
        assertEquals("\\udc00🙂", Printable.escape("\udc00🙂"));
    }

    @Test
    void problemsEscapeTheLineAndTheReason() {
        ParseProblem p = new ParseProblem("f\u0007", 3, "bad\u001b]0;title\u0007", "'\u0000' is not a number");
        assertEquals("f\\x07:3: '\\x00' is not a number: \"bad\\x1b]0;title\\x07\"", p.message());
        assertTrue(p.message().chars().noneMatch(c -> c < 0x20));
    }
}
