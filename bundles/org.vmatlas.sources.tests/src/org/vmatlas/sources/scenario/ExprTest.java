package org.vmatlas.sources.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.internal.scenario.Bindings;
import org.vmatlas.sources.internal.scenario.Expr;

class ExprTest {

    @Test
    void evaluatesNumbersUnitsNamesAndTheCounter() {
        Bindings env = new Bindings(4096, 65530);
        env.bind("heap", 0x7f0000000000L, 64 << 20);
        env.counter(3);
        assertEquals(0x7f0000000000L + (4 << 20), Expr.parse("heap+4M").value(env));
        assertEquals(0x7f0000000000L - 4096, Expr.parse("heap-1p").value(env));
        assertEquals(0x7f0000000000L + 3 * 8192 + 4096, Expr.parse("heap+@i*8K+4K").value(env));
        assertEquals(65530 * 9 / 20 - 20, Expr.parse("map_limit*9/20-20").value(env));
        assertEquals(0x1000, Expr.parse("0x1000").value(env));
        assertEquals(1L << 30, Expr.parse("1G").value(env));
        assertEquals(List.of("heap"), Expr.parse("heap+@i*8K").names());
    }

    @Test
    void unboundNamesSayWhy() {
        Bindings env = new Bindings(4096, 65530);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Expr.parse("jit+4K").value(env));
        assertEquals("'jit' is not bound (no earlier line says 'as jit')", e.getMessage());
        env.failed("jit", "its call failed with EINVAL (Invalid argument)");
        e = assertThrows(IllegalStateException.class, () -> Expr.parse("jit").value(env));
        assertTrue(e.getMessage().contains("its call failed with EINVAL"), e.getMessage());
    }

    @Test
    void acceptsTheFormsSpellingsToo() {
        Bindings env = new Bindings(16384, 65530);
        env.bind("heap", 0x7f0000000000L, 64 << 20);
        assertEquals(0x7f0000000000L + (8 << 10), Expr.parse("heap + 8KiB").value(env));
        assertEquals(3 * 16384 + 2048, Expr.parse("3p+2kb").value(env));
        assertEquals(0xffffffffff600000L, Expr.parse("0xffffffffff600000").value(env));
        assertEquals(List.of(0, 5), List.of(Expr.parse("heap+4K").position("heap"), Expr.parse("4K + @i").position("@i")));
    }

    @Test
    void badTextSaysWhatAndWhere() {
        assertEquals("'4Q' is not a number (use 4096, 0x1000, 64K, 4KiB, 4M, 1G or 3p) at position 2 of '4Q'",
                assertThrows(IllegalArgumentException.class, () -> Expr.parse("4Q")).getMessage());
        assertEquals("missing number or name at position 6 of 'heap+'",
                assertThrows(IllegalArgumentException.class, () -> Expr.parse("heap+")).getMessage());
        assertEquals("'he$p' is neither a number nor a name at position 3 of 'he$p'",
                assertThrows(IllegalArgumentException.class, () -> Expr.parse("he$p")).getMessage());
        assertEquals("division by zero in '4K/0'",
                assertThrows(IllegalArgumentException.class, () -> Expr.parse("4K/0").constant()).getMessage());
    }
}
