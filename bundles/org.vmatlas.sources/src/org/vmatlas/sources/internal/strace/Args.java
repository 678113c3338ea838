package org.vmatlas.sources.internal.strace;

/** The arguments of one call as byte ranges ({@code from[i]}, {@code to[i]}) of its line; reused line after line. */
final class Args {

    static final int MAX = 6;

    final int[] from = new int[MAX];
    final int[] to = new int[MAX];

    /**
     * Splits the arguments of a memory call, which hold no strings or structures (numbers, flag names and
     * at most a {@code /* comment *}{@code /}): at every comma, one comparison a byte.
     *
     * @return the number of arguments, {@code -1} if too many
     */
    int splitPlain(byte[] b, int begin, int end) {
        if (begin >= end) {
            return 0;
        }
        int n = 0;
        int start = begin;
        for (int i = begin; i < end; i++) {
            if (b[i] == ',') {
                if (n == MAX) return -1;
                from[n] = start;
                to[n++] = i;
                start = i + 2 <= end && b[i + 1] == ' ' ? i + 2 : i + 1;
                i = start - 1;
            }
        }
        if (n == MAX) return -1;
        from[n] = start;
        to[n++] = end;
        return n;
    }

    /** Splits at top-level commas, past quoted strings and brackets ({@code openat}'s path may hold anything). */
    int split(byte[] b, int begin, int end) {
        if (begin >= end) {
            return 0;
        }
        int n = 0;
        int depth = 0;
        boolean quoted = false;
        int start = begin;
        for (int i = begin; i < end; i++) {
            byte c = b[i];
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (n == MAX) return -1;
                from[n] = start;
                to[n++] = i;
                start = i + 1;
                while (start < end && b[start] == ' ') start++;
            }
        }
        if (n == MAX) return -1;
        from[n] = start;
        to[n++] = end;
        return n;
    }

    /** Argument {@code i} as a number ({@link Numbers#BAD} if it is none). */
    long number(byte[] b, int i) {
        return Numbers.parse(b, from[i], to[i]);
    }
}
