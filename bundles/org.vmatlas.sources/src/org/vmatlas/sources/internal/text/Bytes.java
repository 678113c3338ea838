package org.vmatlas.sources.internal.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte scanning for the line parsers: finding a newline eight bytes at a time (SWAR: a zero byte in
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
