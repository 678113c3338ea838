package org.vmatlas.sources.internal.proc;

import java.nio.charset.StandardCharsets;

import org.vmatlas.syscall.text.Bytes;
import org.vmatlas.sources.proc.MemoryCounters;

/** The figures of one smaps region, read line by line: the keys vmatlas shows, in bytes, and THPeligible. */
final class SmapsFields {

    enum Key { SIZE, RSS, PSS, SHARED_CLEAN, SHARED_DIRTY, PRIVATE_CLEAN, PRIVATE_DIRTY, SWAP, ANON_HUGE }

    private static final byte[][] NAMES = {
        bytes("Size"), bytes("Rss"), bytes("Pss"), bytes("Shared_Clean"), bytes("Shared_Dirty"),
        bytes("Private_Clean"), bytes("Private_Dirty"), bytes("Swap"), bytes("AnonHugePages") };
    private static final byte[] THP = bytes("THPeligible");
    private static final int THP_KEY = NAMES.length;

    private final long[] values = new long[Key.values().length];
    private boolean thp;

    void reset() {
        java.util.Arrays.fill(values, 0);
        thp = false;
    }

    boolean thp() {
        return thp;
    }

    MemoryCounters counters() {
        return new MemoryCounters(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8]);
    }

    private static final long M4 = 0xffffffffL;
    private static final long M5 = 0xffffffffffL;
    private static final long RSS = Bytes.word("Rss:", 4);
    private static final long PSS = Bytes.word("Pss:", 4);
    private static final long SIZE = Bytes.word("Size:", 5);
    private static final long SWAP = Bytes.word("Swap:", 5);
    private static final long SHARED = Bytes.word("Shared_C", 8);
    private static final long SHARED_D = Bytes.word("Shared_D", 8);
    private static final long PRIVATE = Bytes.word("Private_", 8);
    private static final long ANON_HUGE = Bytes.word("AnonHuge", 8);
    private static final long THP_WORD = Bytes.word("THPeligi", 8);

    /**
     * Reads one {@code Key: value [kB]} line; {@code null} when fine or not wanted, else why not. The wanted
     * keys are recognised by their first eight bytes read as one word, so the other lines (two thirds) cost
     * a few comparisons and no scanning.
     */
    String read(byte[] b, int pos, int eol) {
        if (eol - pos < 8 || pos + 8 > b.length) {
            return eol == pos ? null : read(b, pos, eol, colon(b, pos, eol));
        }
        long w = Bytes.word(b, pos);
        int k;
        int keyLength;
        if ((w & M4) == RSS) {
            k = Key.RSS.ordinal();
            keyLength = 3;
        } else if ((w & M4) == PSS) {
            k = Key.PSS.ordinal();
            keyLength = 3;
        } else if ((w & M5) == SIZE) {
            k = Key.SIZE.ordinal();
            keyLength = 4;
        } else if ((w & M5) == SWAP) {
            k = Key.SWAP.ordinal();
            keyLength = 4;
        } else if (w == SHARED || w == SHARED_D) {
            k = w == SHARED ? Key.SHARED_CLEAN.ordinal() : Key.SHARED_DIRTY.ordinal();
            keyLength = 12;
        } else if (w == PRIVATE) {
            k = pos + 8 < eol && b[pos + 8] == 'C' ? Key.PRIVATE_CLEAN.ordinal() : Key.PRIVATE_DIRTY.ordinal();
            keyLength = 13;
        } else if (w == ANON_HUGE) {
            k = Key.ANON_HUGE.ordinal();
            keyLength = 13;
        } else if (w == THP_WORD) {
            k = THP_KEY;
            keyLength = 11;
        } else {
            return null;
        }
        byte[] name = k == THP_KEY ? THP : NAMES[k];
        if (pos + keyLength >= eol || b[pos + keyLength] != ':'
                || !java.util.Arrays.equals(b, pos, pos + keyLength, name, 0, keyLength)) {
            return null; // Shared_Hugetlb, Private_Hugetlb and the like
        }
        return number(b, pos + keyLength, eol, k);
    }

    private static int colon(byte[] b, int pos, int eol) {
        int colon = pos;
        while (colon < eol && b[colon] != ':') {
            colon++;
        }
        return colon;
    }

    /** The slow way, for short lines: the key up to the colon, then the number. */
    private String read(byte[] b, int pos, int eol, int colon) {
        if (colon == eol) {
            return "no ':' after the field name";
        }
        int keyLength = colon - pos;
        int k = -1;
        for (int i = 0; i < NAMES.length && k < 0; i++) {
            k = NAMES[i].length == keyLength && java.util.Arrays.equals(b, pos, colon, NAMES[i], 0, keyLength) ? i : -1;
        }
        if (k < 0 && THP.length == keyLength && java.util.Arrays.equals(b, pos, colon, THP, 0, keyLength)) {
            k = THP_KEY;
        }
        return k < 0 ? null : number(b, colon, eol, k);
    }

    /** The value after {@code colon} of the wanted key {@code k}; {@code null} when fine, else why not. */
    private String number(byte[] b, int colon, int eol, int k) {
        // the number, read backwards from before " kB" (or the line's end for THPeligible)
        int end = eol - 3 > colon && b[eol - 3] == ' ' && b[eol - 2] == 'k' && b[eol - 1] == 'B' ? eol - 3 : eol;
        long value = 0;
        long scale = 1;
        int p = end - 1;
        for (; p > colon && b[p] >= '0' && b[p] <= '9' && scale <= 1_000_000_000_000_000L; p--) {
            value += (b[p] - '0') * scale;
            scale *= 10;
        }
        if (p == end - 1 || (b[p] != ' ' && p != colon)) {
            return "no number after the field name";
        }
        if (k == THP_KEY) {
            thp = value != 0;
        } else {
            values[k] = value * 1024;
        }
        return null;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
