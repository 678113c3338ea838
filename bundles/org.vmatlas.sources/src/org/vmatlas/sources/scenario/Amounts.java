package org.vmatlas.sources.scenario;

import java.util.Locale;

import org.vmatlas.sources.internal.scenario.Bindings;
import org.vmatlas.sources.internal.scenario.Expr;

/**
 * Addresses and sizes typed by hand, read by the scenario language's own expression parser so that a
 * field of a form and a line of a script mean the same thing: {@code 0x7f0000000000}, {@code 4096},
 * {@code 4K}, {@code 2M}, {@code 1G}, {@code 1T} (binary units; {@code 4KiB} and {@code 4KB} too; {@code 3p}
 * pages of 4 KiB), sums, differences, products and quotients of them, and {@code arena}, the sandbox arena's
 * first byte in a native sandbox session ({@code arena+16M} lands inside it). Names other than {@code arena}
 * and the repeat counter {@code @i} belong to scripts.
 */
public final class Amounts {

    private static final long PAGE = 4096;

    private Amounts() {
    }

    /**
     * The value of {@code text}, a non-negative address or size.
     *
     * @param field the field's name, which starts every message
     * @param arena the first byte of the session's sandbox arena, or {@code null} when it has none
     * @throws IllegalArgumentException naming the field, the text and what is wrong at which position
     */
    public static long parse(String text, String field, Long arena) {
        String input = text == null ? "" : text.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException(field + ": enter an address or a size (0x…, 4096, 4K, 2M, arena+16M)");
        }
        Expr expr;
        try {
            expr = Expr.parse(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
        long value = expr.value(new Expr.Env() {
            @Override
            public long address(String name) {
                if (!name.toLowerCase(Locale.ROOT).equals(Bindings.ARENA)) {
                    throw unknown(field, input, expr, name, "'" + name + "' is no name here (only 'arena' is)");
                }
                if (arena == null) {
                    throw unknown(field, input, expr, name, "'arena' is known only in a native sandbox session");
                }
                return arena;
            }

            @Override
            public long counter() {
                throw unknown(field, input, expr, Expr.COUNTER, "'@i' counts the repeats of a scenario line");
            }

            @Override
            public long pageSize() {
                return PAGE;
            }
        });
        if (value < 0 && expr.aboveSignedAt() >= 0) {
            throw new IllegalArgumentException(field + ": the number is above the largest address at position "
                    + (expr.aboveSignedAt() + 1) + " of '" + input + "'");
        }
        if (value < 0) {
            throw new IllegalArgumentException(field + ": '" + input + "' is below zero");
        }
        return value;
    }

    private static IllegalArgumentException unknown(String field, String input, Expr expr, String name, String what) {
        return new IllegalArgumentException(field + ": " + what + " at position " + (expr.position(name) + 1)
                + " of '" + input + "'");
    }
}
