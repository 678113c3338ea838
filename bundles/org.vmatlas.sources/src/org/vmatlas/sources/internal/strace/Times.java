package org.vmatlas.sources.internal.strace;

/** strace time stamps: {@code 10:15:02} ({@code -t}), {@code 10:15:02.123456} ({@code -tt}), {@code 1700000000.123456} ({@code -ttt}, {@code -r}). */
final class Times {

    private Times() {
    }

    /** Microseconds since midnight or the epoch; {@code -1} when {@code b[from, to)} is no time stamp. */
    static long micros(byte[] b, int from, int to) {
        long seconds = 0;
        long part = 0;
        int p = from;
        int digits = 0;
        for (; p < to && b[p] != '.'; p++) {
            byte c = b[p];
            if (c == ':') {
                if (digits == 0) {
                    return -1;
                }
                seconds = seconds * 60 + part;
                part = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 12) {
                part = part * 10 + (c - '0');
                digits++;
            } else {
                return -1;
            }
        }
        if (digits == 0) {
            return -1;
        }
        seconds = seconds * 60 + part;
        long micros = 0;
        int fraction = 0;
        if (p < to) {
            for (p++; p < to; p++, fraction++) {
                int d = b[p] - '0';
                if (d < 0 || d > 9 || fraction >= 9) {
                    return -1;
                }
                if (fraction < 6) {
                    micros = micros * 10 + d;
                }
            }
            for (; fraction < 6; fraction++) {
                micros *= 10;
            }
        }
        return seconds * 1_000_000 + micros;
    }
}
