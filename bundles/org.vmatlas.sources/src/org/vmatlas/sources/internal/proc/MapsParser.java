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
            if (mapping != null) {
                out.add(mapping);
            } else if (line.next() - pos > 1) {
                int end = Math.min(line.next() - 1, length);
                problems.add(new ParseProblem(file, lineNumber,
                        new String(b, pos, end - pos, StandardCharsets.UTF_8), line.error()));
            }
            pos = line.next();
        }
        return Math.min(pos, length);
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
