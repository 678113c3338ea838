package org.vmatlas.sources.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.internal.text.Bytes;
import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;

/**
 * Parses {@code /proc/PID/smaps} and {@code smaps_rollup}: a maps line per region followed by
 * {@code Key:   value kB} lines. Regions outside the selection are skipped without reading their
 * figures. Keys vmatlas does not show (Referenced, KSM, VmFlags...) are passed over.
 */
public final class SmapsParser implements ChunkParser {

    /** Which regions to parse: ranges as sorted, non-overlapping {@code [start, end)} pairs; {@code null} = all. */
    private final long[] selection;
    private final MapsLineParser header = new MapsLineParser();
    private final long[] values = new long[Key.values().length];
    private boolean thp;

    public SmapsParser(long[] selection) {
        this.selection = selection;
    }

    private enum Key { SIZE, RSS, PSS, SHARED_CLEAN, SHARED_DIRTY, PRIVATE_CLEAN, PRIVATE_DIRTY, SWAP, ANON_HUGE }

    private static final byte[][] NAMES = {
        bytes("Size"), bytes("Rss"), bytes("Pss"), bytes("Shared_Clean"), bytes("Shared_Dirty"),
        bytes("Private_Clean"), bytes("Private_Dirty"), bytes("Swap"), bytes("AnonHugePages") };
    private static final byte[] THP = bytes("THPeligible");
    /** {@code "Rss:"} padded to 16 columns, the number to 8, then {@code " kB"}: the length of most lines. */
    private static final int USUAL_LINE = 27;
    private static final int THP_KEY = NAMES.length;

    private String file;
    private List<SmapsEntry> out;
    private List<ParseProblem> problems;
    private long lineNumber;
    private Mapping current;
    private boolean skipping = true;

    /** Parses a whole file. */
    public void parse(byte[] b, int length, String file, List<SmapsEntry> out, List<ParseProblem> problems) {
        start(file, out, problems);
        parse(b, 0, length, true);
    }

    /** Starts a reading of {@code file} whose chunks come through {@link #parse(byte[], int, int, boolean)}. */
    public SmapsParser start(String file, List<SmapsEntry> out, List<ParseProblem> problems) {
        this.file = file;
        this.out = out;
        this.problems = problems;
        this.lineNumber = 0;
        this.current = null;
        this.skipping = true;
        return this;
    }

    @Override
    public int parse(byte[] b, int from, int length, boolean last) {
        int pos = from;
        while (pos < length) {
            int eol = Bytes.lineEnd(b, pos, length, USUAL_LINE);
            if (!last && eol == length) {
                return pos; // a partial line: parse it when the rest has come
            }
            lineNumber++;
            byte first = b[pos];
            boolean isHeader = (first >= '0' && first <= '9') || (first >= 'a' && first <= 'f');
            if (isHeader) {
                if (current != null) {
                    out.add(entry(current));
                }
                current = header.parse(b, pos, length);
                if (current == null) {
                    problems.add(problem(b, pos, header.next(), length, file, lineNumber, header.error()));
                }
                skipping = current == null || !selected(current.start(), current.end());
                if (skipping) {
                    current = null;
                }
                java.util.Arrays.fill(values, 0);
                thp = false;
            } else if (!skipping) {
                String reason = field(b, pos, eol);
                if (reason != null) {
                    problems.add(problem(b, pos, eol + 1, length, file, lineNumber, reason));
                }
            }
            pos = eol + 1;
        }
        if (last && current != null) {
            out.add(entry(current));
            current = null;
        }
        return Math.min(pos, length);
    }

    /** The figures of the last region parsed, for {@code smaps_rollup} (one region, {@code [rollup]}). */
    public MemoryCounters counters() {
        return new MemoryCounters(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8]);
    }

    private SmapsEntry entry(Mapping mapping) {
        return new SmapsEntry(mapping, counters(), thp);
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
    private String field(byte[] b, int pos, int eol) {
        if (eol - pos < 8 || pos + 8 > b.length) {
            return eol == pos ? null : field(b, pos, eol, colon(b, pos, eol));
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
            k = b[pos + 8] == 'C' ? Key.PRIVATE_CLEAN.ordinal() : Key.PRIVATE_DIRTY.ordinal();
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
    private String field(byte[] b, int pos, int eol, int colon) {
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

    private boolean selected(long start, long end) {
        if (selection == null) {
            return true;
        }
        int lo = 0;
        int hi = selection.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(selection[2 * mid + 1], start) <= 0) {
                lo = mid + 1;
            } else if (Long.compareUnsigned(selection[2 * mid], end) >= 0) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static ParseProblem problem(byte[] b, int pos, int next, int length, String file, long line, String reason) {
        int end = Math.min(next - 1, length);
        return new ParseProblem(file, line, new String(b, pos, Math.max(0, end - pos), StandardCharsets.UTF_8), reason);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
