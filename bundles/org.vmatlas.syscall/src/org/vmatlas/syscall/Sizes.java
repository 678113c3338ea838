package org.vmatlas.syscall;

import java.util.Locale;

/** Byte sizes as people write them in properties: {@code 1073741824}, {@code 512m}, {@code 1g}. */
final class Sizes {
    private Sizes() {
    }

    /**
     * Parses a non-negative size with an optional binary suffix {@code k}, {@code m}, {@code g}, {@code t}.
     *
     * @throws IllegalArgumentException naming {@code what} when the text is not such a size
     */
    static long parse(String what, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int shift = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a size in bytes such as 1073741824 or 1g, was '"
                    + text + "'", e);
        }
    }
}
