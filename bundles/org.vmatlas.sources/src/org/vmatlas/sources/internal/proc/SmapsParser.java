package org.vmatlas.sources.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.text.Bytes;
import org.vmatlas.sources.proc.MemoryCounters;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsLineParser;

/**
 * Parses {@code /proc/PID/smaps} and {@code smaps_rollup}: a maps line per region followed by
 * {@code Key:   value kB} lines. Regions outside the selection are skipped without reading their
 * figures. Keys vmatlas does not show (Referenced, KSM, VmFlags...) are passed over.
 */
public final class SmapsParser implements ChunkParser {

    /** Which regions to parse: ranges as sorted, non-overlapping {@code [start, end)} pairs; {@code null} = all. */
    private final long[] selection;
    private final MapsLineParser header = new MapsLineParser();
    private final SmapsFields fields = new SmapsFields();

    public SmapsParser(long[] selection) {
        this.selection = selection;
    }

    /** {@code "Rss:"} padded to 16 columns, the number to 8, then {@code " kB"}: the length of most lines. */
    private static final int USUAL_LINE = 27;

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
                fields.reset();
            } else if (!skipping) {
                String reason = fields.read(b, pos, eol);
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
        return fields.counters();
    }

    private SmapsEntry entry(Mapping mapping) {
        return new SmapsEntry(mapping, fields.counters(), fields.thp());
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
}
