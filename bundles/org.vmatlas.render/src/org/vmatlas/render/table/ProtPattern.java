package org.vmatlas.render.table;

import org.vmatlas.syscall.Prot;

/**
 * A filter on the permission column as {@code /proc/PID/maps} writes it ({@code rwxp}, {@code r-xs}): a glob
 * where {@code ?} is any one letter and {@code *} any run of letters. A pattern shorter than four letters
 * matches the column's start, so {@code rw-} takes private and shared alike, {@code r?x} any readable
 * executable region, {@code *x} anything executable, {@code ---} the reservations. Empty matches everything.
 * The answer for each of the sixteen (protection, shared) pairs is computed once, so filtering 128k rows is
 * a table look-up per row.
 */
public final class ProtPattern {

    private static final String LETTERS = "rwxps-?*";
    private final String text;
    private final boolean[] matches = new boolean[16];

    private ProtPattern(String text) {
        this.text = text;
        String glob = text.endsWith("*") ? text : text + "*";
        for (int prot = 0; prot <= Prot.RWX; prot++) {
            matches[prot] = glob(glob, 0, Prot.letters(prot) + "p", 0);
            matches[8 + prot] = glob(glob, 0, Prot.letters(prot) + "s", 0);
        }
    }

    /**
     * Reads a pattern; blanks around it are ignored.
     *
     * @throws IllegalArgumentException naming the bad letter and its position, or a pattern too long to match
     */
    public static ProtPattern parse(String pattern) {
        String text = pattern == null ? "" : pattern.strip().toLowerCase(java.util.Locale.ROOT);
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (LETTERS.indexOf(c) < 0) {
                throw new IllegalArgumentException("'" + c + "' at position " + (i + 1) + " of permission pattern '"
                        + text + "' is not one of r w x p s - ? *");
            }
            letters += c == '*' ? 0 : 1;
        }
        if (letters > 4) {
            throw new IllegalArgumentException("permission pattern '" + text + "' has " + letters
                    + " letters; a permission column has four (rwxp)");
        }
        return new ProtPattern(text);
    }

    public static ProtPattern all() {
        return new ProtPattern("");
    }

    public boolean matches(int prot, boolean shared) {
        return matches[(shared ? 8 : 0) + (prot & Prot.RWX)];
    }

    public boolean matchesAll() {
        for (boolean match : matches) {
            if (!match) {
                return false;
            }
        }
        return true;
    }

    public String text() {
        return text;
    }

    private static boolean glob(String pattern, int p, String subject, int s) {
        if (p == pattern.length()) {
            return s == subject.length();
        }
        char c = pattern.charAt(p);
        if (c == '*') {
            for (int skip = s; skip <= subject.length(); skip++) {
                if (glob(pattern, p + 1, subject, skip)) {
                    return true;
                }
            }
            return false;
        }
        return s < subject.length() && (c == '?' || c == subject.charAt(s)) && glob(pattern, p + 1, subject, s + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
