package org.vmatlas.sources.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.Mapping;

/**
 * Parses a {@code maps} file held in bytes, whole or as it is read; bad lines become {@link ParseProblem}s,
 * the rest is kept. One instance per file reading.
 */
public final class MapsParser implements ChunkParser {

    private final MapsLineParser line = new MapsLineParser();
    private String file;
    private List<Mapping> out;
    private List<ParseProblem> problems;
    private long lineNumber;
    /** End of the last mapping kept (unsigned): a line must start at or above it. */
    private long lastEnd;

    public MapsParser() {
    }

    /** A parser for one reading of {@code file}, collecting into the lists given. */
    public MapsParser(String file, List<Mapping> out, List<ParseProblem> problems) {
        this.file = file;
        this.out = out;
        this.problems = problems;
    }

    /** Parses a whole file. */
    public void parse(byte[] b, int length, String file, List<Mapping> out, List<ParseProblem> problems) {
        this.file = file;
        this.out = out;
        this.problems = problems;
        this.lineNumber = 0;
        this.lastEnd = 0;
        parse(b, 0, length, true);
    }

    @Override
    public int parse(byte[] b, int from, int length, boolean last) {
        int pos = from;
        while (pos < length) {
            Mapping mapping = line.parse(b, pos, length);
            if (!last && line.next() > length) {
                return pos; // a partial line: parse it again when the rest has come
            }
            lineNumber++;
            if (mapping != null && Long.compareUnsigned(mapping.start(), lastEnd) >= 0) {
                out.add(mapping);
                lastEnd = mapping.end();
            } else if (mapping != null) {
                problem(b, pos, length, (Long.compareUnsigned(mapping.end(), lastEnd) <= 0 ? "out of order" : "overlaps the line before")
                        + ": starts below 0x" + Long.toHexString(lastEnd) + ", where the mappings before end");
            } else if (line.next() - pos > 1) {
                problem(b, pos, length, line.error());
            }
            pos = line.next();
        }
        return Math.min(pos, length);
    }

    private void problem(byte[] b, int pos, int length, String reason) {
        int end = Math.min(line.next() - 1, length);
        problems.add(new ParseProblem(file, lineNumber, new String(b, pos, end - pos, StandardCharsets.UTF_8), reason));
    }

    /** Counts lines without parsing them: the process picker's mapping count. */
    public static int countLines(byte[] b, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return length > 0 && b[length - 1] != '\n' ? count + 1 : count;
    }
}
