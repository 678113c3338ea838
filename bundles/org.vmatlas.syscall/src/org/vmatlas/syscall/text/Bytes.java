package org.vmatlas.syscall.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scanning for the line parsers of /proc files and strace logs: finding a newline eight bytes at a time (SWAR: a zero byte in
 * {@code word ^ '\n'*0x0101..} shows in one subtraction), and a hex-digit table. /proc/PID/smaps of a
 * 60k-mapping process is 44 MB of short lines; most are passed over, so finding their ends is the cost.
 */
public final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    /** {@code HEX[c]} is the value of hex digit {@code c} (lower case, as /proc and strace print), else -1. */
    public static final byte[] HEX = new byte[256];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
        }
    }

    private Bytes() {
    }

    /** The eight bytes at {@code b[i]} as a little-endian long (byte {@code i} lowest); needs {@code i + 8 <= b.length}. */
    public static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** The first {@code n} (at most 8) ASCII characters of {@code s} as {@link #word} would read them. */
    public static long word(String s, int n) {
        long w = 0;
        for (int i = n - 1; i >= 0; i--) {
            w = (w << 8) | (s.charAt(i) & 0xff);
        }
        return w;
    }

    /**
     * {@link #lineEnd} for files whose lines mostly have one length (smaps: {@code "Rss:"} padded to 16, the
     * number to 8, then {@code " kB"}: 27 bytes and a newline). Checks that guess first, whole words at a time.
     */
    public static int lineEnd(byte[] b, int from, int to, int usual) {
        int guess = from + usual;
        if (guess < to && b[guess] == '\n' && usual >= 24) {
            long x0 = (long) LONGS.get(b, from) ^ NEWLINES;
            long x1 = (long) LONGS.get(b, from + 8) ^ NEWLINES;
            long x2 = (long) LONGS.get(b, from + 16) ^ NEWLINES;
            long found = ((x0 - ONES) & ~x0) | ((x1 - ONES) & ~x1) | ((x2 - ONES) & ~x2);
            if ((found & HIGHS) == 0) {
                int i = from + 24;
                while (i < guess && b[i] != '\n') {
                    i++;
                }
                return i;
            }
        }
        return lineEnd(b, from, to);
    }

    /** The index of the first {@code '\n'} in {@code b[from, to)}, or {@code to} when there is none. */
    public static int lineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return to;
    }
}
