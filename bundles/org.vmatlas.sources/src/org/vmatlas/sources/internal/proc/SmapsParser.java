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
public final class SmapsParser {

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
    private static final int THP_KEY = NAMES.length;

    /** Which of the wanted keys a key of this first letter and length can be (checked in full after); -1 for none. */
    private static int candidate(byte first, int length) {
        return switch (first) {
            case 'S' -> length == 4 ? -2 : length == 12 ? -3 : -1;
            case 'R' -> length == 3 ? Key.RSS.ordinal() : -1;
            case 'P' -> length == 3 ? Key.PSS.ordinal() : length == 13 ? -4 : -1;
            case 'A' -> length == 13 ? Key.ANON_HUGE.ordinal() : -1;
            case 'T' -> length == 11 ? THP_KEY : -1;
            default -> -1;
        };
    }

    public void parse(byte[] b, int length, String file, List<SmapsEntry> out, List<ParseProblem> problems) {
        int pos = 0;
        long lineNumber = 0;
        Mapping current = null;
        boolean skipping = true;
        while (pos < length) {
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
                pos = header.next();
                continue;
            }
            int eol = Bytes.lineEnd(b, pos, length);
            if (!skipping) {
                String reason = field(b, pos, eol);
                if (reason != null) {
                    problems.add(problem(b, pos, eol + 1, length, file, lineNumber, reason));
                }
            }
            pos = eol + 1;
        }
        if (current != null) {
            out.add(entry(current));
        }
    }

    /** The figures of the last region parsed, for {@code smaps_rollup} (one region, {@code [rollup]}). */
    public MemoryCounters counters() {
        return new MemoryCounters(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8]);
    }

    private SmapsEntry entry(Mapping mapping) {
        return new SmapsEntry(mapping, counters(), thp);
    }

    /** Reads one {@code Key: value [kB]} line; {@code null} when fine, else why not. */
    private String field(byte[] b, int pos, int eol) {
        if (pos == eol) {
            return null;
        }
        int colon = pos;
        while (colon < eol && b[colon] != ':') {
            colon++;
        }
        if (colon == eol) {
            return "no ':' after the field name";
        }
        int keyLength = colon - pos;
        int k = candidate(b[pos], keyLength);
        if (k == -2) {
            k = b[pos + 1] == 'i' ? Key.SIZE.ordinal() : Key.SWAP.ordinal();
        } else if (k == -3) {
            k = b[pos + 7] == 'C' ? Key.SHARED_CLEAN.ordinal() : Key.SHARED_DIRTY.ordinal();
        } else if (k == -4) {
            k = b[pos + 8] == 'C' ? Key.PRIVATE_CLEAN.ordinal() : Key.PRIVATE_DIRTY.ordinal();
        }
        if (k < 0 || !java.util.Arrays.equals(b, pos, colon, k == THP_KEY ? THP : NAMES[k], 0, keyLength)) {
            return null;
        }
        boolean isThp = k == THP_KEY;
        int p = colon + 1;
        while (p < eol && b[p] == ' ') {
            p++;
        }
        long value = 0;
        int digits = 0;
        for (; p < eol && b[p] >= '0' && b[p] <= '9'; p++, digits++) {
            value = value * 10 + (b[p] - '0');
        }
        if (digits == 0 || digits > 18) {
            return "no number after the field name";
        }
        if (isThp) {
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
