package org.vmatlas.app.internal.headless;

/**
 * Makes outside text safe to echo to a terminal: control characters (escape sequences among them),
 * bidirectional overrides and unpaired surrogates become {@code \xNN} or a Java-style u-escape, so a file
 * name or a script line can never move the cursor, recolour the screen or hide part of a message.
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
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= MAX ? out.append("...").toString() : out.toString();
    }

    private static boolean unsafe(char c) {
        return (c >= 0x80 && c <= 0x9f) || Character.isSurrogate(c) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0xfeff;
    }
}
