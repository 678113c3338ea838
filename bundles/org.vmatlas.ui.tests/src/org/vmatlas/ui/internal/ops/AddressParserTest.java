package org.vmatlas.ui.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;

class AddressParserTest {

    private static final long ARENA = 0x7f1234500000L;
    private final AddressParser parser = AddressParser.withArena(ARENA);

    private long parse(String text) {
        return parser.parse(text, "Address");
    }

    private String error(AddressParser p, String text) {
        return assertThrows(IllegalArgumentException.class, () -> p.parse(text, "Length")).getMessage();
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
    }

    @Test
    void addsAndSubtracts() {
        assertEquals(ARENA + (16L << 20), parse("arena+16M"));
        assertEquals(ARENA + (16L << 20) - 4096, parse("arena + 16M - 4K"));
        assertEquals(ARENA, parse("ARENA"));
        assertEquals(0x1000 + 10, parse("0x1000+10"));
    }

    @Test
    void arenaNeedsASandbox() {
        String message = error(AddressParser.withoutArena(), "arena+16M");
        assertTrue(message.startsWith("Length: 'arena' is known only in a native sandbox session"), message);
        RegionModelService models = SimulatedSessions.service();
        Session simulated = SimulatedSessions.linux(models);
        try {
            message = error(AddressParser.forSession(simulated), "arena");
        } finally {
            models.close(simulated);
        }
        assertTrue(message.contains("native sandbox"), message);
        message = error(AddressParser.forSession(null), "arena");
        assertTrue(message.contains("native sandbox"), message);
    }

    @Test
    void errorsNameFieldTextAndPosition() {
        String message = error(parser, "12q");
        assertTrue(message.contains("expected + or - but found 'q' at position 3 of '12q'"), message);
        message = error(parser, "0x");
        assertTrue(message.contains("0x needs hexadecimal digits at position 3"), message);
        message = error(parser, "4K+");
        assertTrue(message.contains("expected a number or 'arena' at position 4"), message);
        message = error(parser, "");
        assertTrue(message.startsWith("Length: enter an address or a size"), message);
    }

    @Test
    void overflowAndNegativeAreRefused() {
        assertTrue(error(parser, "0x1ffffffffffffffff").contains("too large for 64 bits"));
        assertTrue(error(parser, "16E").contains("expected + or - but found 'e'"));
        assertTrue(error(parser, "9000000T").contains("too large for 64 bits"));
        assertTrue(error(parser, "4K-8K").contains("is below zero"));
        assertTrue(error(parser, "0x8000000000000000").contains("above the largest address"));
    }
}
