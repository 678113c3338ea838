package org.vmatlas.ui.internal.ops;

/** The size suffixes the operations panel accepts: K, M, G, T (powers of 1024), optionally followed by iB or B. */
final class Units {

    private static final String LETTERS = "kmgt";

    private Units() {
    }

    /** Multiplies {@code number} by the suffix at the cursor, if there is one, and moves past it. */
    static long apply(long number, AddressParser.Cursor cursor) {
        if (cursor.position >= cursor.input.length()) {
            return number;
        }
        int power = LETTERS.indexOf(cursor.input.charAt(cursor.position)) + 1;
        if (power == 0) {
            return number;
        }
        int at = cursor.position;
        cursor.position++;
        if (cursor.input.startsWith("ib", cursor.position)) {
            cursor.position += 2;
        } else if (cursor.input.startsWith("b", cursor.position)) {
            cursor.position++;
        }
        try {
            return Math.multiplyExact(number, 1L << (10 * power));
        } catch (ArithmeticException e) {
            throw cursor.error("the size is too large for 64 bits", at);
        }
    }
}
