package org.vmatlas.sources.internal.strace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** strace's quoted strings: {@code "/lib/a\"b.so"}, {@code \n}, {@code \t}, {@code \\}, {@code \x41}, octal {@code \101}. */
final class Strings {

    private Strings() {
    }

    /** The text of the quoted string in {@code b[from, to)} ({@code "..."} possibly followed by {@code ...}); {@code null} if none. */
    static String unquote(byte[] b, int from, int to) {
        if (from >= to || b[from] != '"') {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from + 1; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                return out.toString(StandardCharsets.UTF_8);
            }
            if (c != '\\' || i + 1 >= to) {
                out.write(c);
                continue;
            }
            byte e = b[++i];
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'v' -> out.write(11);
                case 'f' -> out.write('\f');
                case 'x' -> {
                    int v = 0;
                    int k = 0;
                    for (; k < 2 && i + 1 < to && Character.digit(b[i + 1], 16) >= 0; k++) {
                        v = v * 16 + Character.digit(b[++i], 16);
                    }
                    out.write(v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && i + 1 < to && b[i + 1] >= '0' && b[i + 1] <= '7'; k++) {
                            v = v * 8 + (b[++i] - '0');
                        }
                        out.write(v);
                    } else {
                        out.write(e);
                    }
                }
            }
        }
        return null;
    }
}
