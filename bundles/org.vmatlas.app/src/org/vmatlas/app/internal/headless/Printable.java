package org.vmatlas.app.internal.headless;

/**
 * Makes outside text safe to echo to a terminal, with the one escaping rule of vmatlas
 * ({@link org.vmatlas.sources.Printable}: control and format characters and lone surrogates become visible
 * escapes), and short enough for one line of a message: at most 300 characters are kept.
 */
public final class Printable {

    private static final int MAX = 300;

    private Printable() {
    }

    /** {@code text} with every unprintable character escaped and at most 300 characters kept. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String escaped = org.vmatlas.sources.Printable.escape(text);
        return escaped.length() > MAX ? escaped.substring(0, MAX) + "..." : escaped;
    }
}
