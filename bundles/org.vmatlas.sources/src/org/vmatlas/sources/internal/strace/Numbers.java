package org.vmatlas.sources.internal.strace;

import org.vmatlas.syscall.text.Bytes;

/** Numbers as strace prints them: {@code NULL}, {@code 0x7f0a...}, {@code 4096}, {@code -1}. */
final class Numbers {

    /** Returned for text that is not a number (no real argument takes this value). */
    static final long BAD = Long.MIN_VALUE;

    private Numbers() {
    }

    static long parse(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (from >= to) {
            return BAD;
        }
        if (to - from == 4 && b[from] == 'N' && b[from + 1] == 'U' && b[from + 2] == 'L' && b[from + 3] == 'L') {
            return 0;
        }
        boolean negative = b[from] == '-';
        int p = negative ? from + 1 : from;
        long value = 0;
        if (to - p > 2 && b[p] == '0' && b[p + 1] == 'x') {
            p += 2;
            if (to - p > 16) {
                return BAD;
            }
            for (; p < to; p++) {
                int v = Bytes.HEX[b[p] & 0xff];
                if (v < 0) {
                    return BAD;
                }
                value = (value << 4) | v;
            }
        } else {
            if (p == to || to - p > 19) {
                return BAD;
            }
            for (; p < to; p++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9) {
                    return BAD;
                }
                value = value * 10 + d;
            }
        }
        return negative ? -value : value;
    }
}
