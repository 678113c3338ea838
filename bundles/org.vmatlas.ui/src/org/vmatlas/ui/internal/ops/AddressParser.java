package org.vmatlas.ui.internal.ops;

import java.util.Locale;

import org.vmatlas.model.Session;
import org.vmatlas.syscall.AddressRange;

/**
 * Reads the addresses and sizes typed into the operations panel: {@code 0x7f0000000000}, {@code 4096},
 * {@code 4K}, {@code 2M}, {@code 1G}, {@code 1T} (binary units, {@code KiB} and {@code KB} accepted too), and
 * sums and differences of them; {@code arena} is the sandbox arena's first byte when the session's kernel
 * runs in the native sandbox, so {@code arena+16M} lands inside it. Pure Java.
 */
public final class AddressParser {

    private final Long arenaStart;

    private AddressParser(Long arenaStart) {
        this.arenaStart = arenaStart;
    }

    /** A parser that knows {@code arena} when {@code session} runs in the native sandbox; {@code session} may be null. */
    public static AddressParser forSession(Session session) {
        AddressRange arena = session == null ? null : session.arena();
        return new AddressParser(arena == null ? null : arena.start());
    }

    public static AddressParser withArena(long arenaStart) {
        return new AddressParser(arenaStart);
    }

    public static AddressParser withoutArena() {
        return new AddressParser(null);
    }

    /**
     * The value of {@code text}.
     *
     * @param field the field's name, for the message
     * @throws IllegalArgumentException naming the field, the text and what is wrong at which position
     */
    public long parse(String text, String field) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (input.isEmpty()) {
            throw new IllegalArgumentException(field + ": enter an address or a size (0x…, 4096, 4K, 2M, arena+16M)");
        }
        Cursor cursor = new Cursor(input, field, text.strip());
        long value = term(cursor);
        while (cursor.more()) {
            char op = cursor.next();
            if (op != '+' && op != '-') {
                throw cursor.error("expected + or - but found '" + op + "'", cursor.position - 1);
            }
            long right = term(cursor);
            try {
                value = op == '+' ? Math.addExact(value, right) : Math.subtractExact(value, right);
            } catch (ArithmeticException e) {
                throw cursor.error("the sum is too large for 64 bits", cursor.position);
            }
        }
        if (value < 0) {
            throw new IllegalArgumentException(field + ": '" + cursor.original + "' is below zero");
        }
        return value;
    }

    private long term(Cursor cursor) {
        cursor.skipBlanks();
        int start = cursor.position;
        if (cursor.input.startsWith("arena", start)) {
            cursor.position += 5;
            if (arenaStart == null) {
                throw cursor.error("'arena' is known only in a native sandbox session", start);
            }
            return arenaStart;
        }
        boolean hex = cursor.input.startsWith("0x", start);
        int digitsStart = hex ? start + 2 : start;
        int end = digitsStart;
        while (end < cursor.input.length() && Character.digit(cursor.input.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == digitsStart) {
            throw cursor.error(hex ? "0x needs hexadecimal digits" : "expected a number or 'arena'", digitsStart);
        }
        long number;
        try {
            number = Long.parseUnsignedLong(cursor.input.substring(digitsStart, end), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw cursor.error("the number is too large for 64 bits", start);
        }
        if (number < 0) {
            throw cursor.error("the number is above the largest address", start);
        }
        cursor.position = end;
        return Units.apply(number, cursor);
    }

    /** Where reading is, and the error messages that point at a position. */
    static final class Cursor {
        final String input;
        final String field;
        final String original;
        int position;

        Cursor(String input, String field, String original) {
            this.input = input;
            this.field = field;
            this.original = original;
        }

        boolean more() {
            skipBlanks();
            return position < input.length();
        }

        char next() {
            return input.charAt(position++);
        }

        void skipBlanks() {
            while (position < input.length() && input.charAt(position) == ' ') {
                position++;
            }
        }

        IllegalArgumentException error(String what, int at) {
            return new IllegalArgumentException(field + ": " + what + " at position " + (at + 1) + " of '" + original + "'");
        }
    }
}
