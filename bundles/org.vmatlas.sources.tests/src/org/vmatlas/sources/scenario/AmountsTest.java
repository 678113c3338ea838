package org.vmatlas.sources.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Addresses and sizes typed into forms, read by the scenario language's parser. */
class AmountsTest {

    private static final long ARENA = 0x7f1234500000L;

    private long parse(String text) {
        return Amounts.parse(text, "Address", ARENA);
    }

    private String error(Long arena, String text) {
        return assertThrows(IllegalArgumentException.class, () -> Amounts.parse(text, "Length", arena)).getMessage();
    }

    private String error(String text) {
        return error(ARENA, text);
    }

    @Test
    void readsHexAndDecimal() {
        assertEquals(0x7f0000000000L, parse("0x7f0000000000"));
        assertEquals(0xABCDEFL, parse("0XabCDef"));
        assertEquals(4096, parse("4096"));
        assertEquals(0, parse(" 0 "));
    }

    @Test
    void readsBinarySizes() {
        assertEquals(4L << 10, parse("4K"));
        assertEquals(2L << 20, parse("2m"));
        assertEquals(1L << 30, parse("1G"));
        assertEquals(3L << 40, parse("3T"));
        assertEquals(8L << 10, parse("8KiB"));
        assertEquals(8L << 10, parse("8kb"));
        assertEquals(0x10L << 20, parse("0x10M"));
        assertEquals(3 * 4096, parse("3p"));
    }

    @Test
    void addsSubtractsMultipliesAndDivides() {
        assertEquals(ARENA + (16L << 20), parse("arena+16M"));
        assertEquals(ARENA + (16L << 20) - 4096, parse("arena + 16M - 4K"));
        assertEquals(ARENA, parse("ARENA"));
        assertEquals(0x1000 + 10, parse("0x1000+10"));
        assertEquals(ARENA + 3 * 8192, parse("arena+3*8K"));
        assertEquals(1L << 19, parse("1M/2"));
    }

    @Test
    void arenaNeedsASandbox() {
        String message = error(null, "arena+16M");
        assertEquals("Length: 'arena' is known only in a native sandbox session at position 1 of 'arena+16M'", message);
        message = error(null, "4K + arena");
        assertTrue(message.endsWith("at position 6 of '4K + arena'"), message);
    }

    @Test
    void scriptNamesAreNotFormNames() {
        assertTrue(error("heap+4K").startsWith("Length: 'heap' is no name here (only 'arena' is) at position 1"),
                error("heap+4K"));
        assertTrue(error("arena+@i*4K").contains("'@i' counts the repeats of a scenario line at position 7"),
                error("arena+@i*4K"));
    }

    @Test
    void errorsNameFieldTextAndPosition() {
        String message = error("12q");
        assertTrue(message.startsWith("Length: '12q' is not a number"), message);
        assertTrue(message.endsWith("at position 3 of '12q'"), message);
        message = error("0x");
        assertTrue(message.contains("0x needs hexadecimal digits at position 3"), message);
        message = error("4K+");
        assertTrue(message.contains("missing number or name at position 4"), message);
        message = error("4K 8K");
        assertTrue(message.contains("expected + - * or / but found '8' at position 4"), message);
        message = error("");
        assertTrue(message.startsWith("Length: enter an address or a size"), message);
    }

    @Test
    void overflowAndNegativeAreRefused() {
        assertTrue(error("0x1ffffffffffffffff").contains("too large for 64 bits"));
        assertTrue(error("16E").contains("'16E' is not a number"));
        assertTrue(error("9000000T").contains("the size is too large for 64 bits at position 8"));
        assertTrue(error("4K-8K").contains("is below zero"));
        assertTrue(error("0x8000000000000000").contains("above the largest address at position 1"));
    }
}
