package org.vmatlas.sources;

/**
 * Makes outside text safe to show: control characters (C0, DEL, C1), invisible format characters (bidi
 * overrides, zero-width marks) and lone surrogates become visible escapes: a newline as backslash-n, ESC as
 * backslash-x1b, U+202E as backslash-u202e. A backslash stays as it is, so that an strace line, full of its
 * own escapes, reads as strace wrote it. Every message the sources make from input text ({@link ParseProblem},
 * scenario outcomes) goes through here, so a binary or hostile file never writes raw control bytes to a
 * terminal or a log.
 */
public final class Printable {

    private Printable() {
    }

    /** {@code text} with every unprintable character escaped; the same string when there is none. */
    public static String escape(CharSequence text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        while (i < n && !needsEscape(text, i)) {
            i++;
        }
        if (i == n) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (!needsEscape(text, i)) {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(String.format("\\u{%x}", Character.toCodePoint(c, text.charAt(++i))));
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                return Character.getType(Character.toCodePoint(c, text.charAt(i + 1))) == Character.FORMAT;
            }
            return true;
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == '\u2028' || c == '\u2029';
    }
}
