package org.vmatlas.sources.internal.proc;

import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsText;

/**
 * Parses a {@code maps} file held in bytes, whole or as it is read, through the syscall bundle's
 * {@link MapsText}; bad lines (malformed, out of order, overlapping) become {@link ParseProblem}s, the rest
 * is kept. One instance per file reading.
 */
public final class MapsParser implements ChunkParser, MapsText.Lines {

    private final MapsText text = new MapsText(this);
    private String file;
    private List<Mapping> out;
    private List<ParseProblem> problems;

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
        text.parseAll(b, length);
    }

    @Override
    public int parse(byte[] b, int from, int length, boolean last) {
        return text.parse(b, from, length, last);
    }

    @Override
    public void mapping(Mapping mapping) {
        out.add(mapping);
    }

    @Override
    public void bad(long number, String line, String reason) {
        problems.add(new ParseProblem(file, number, line, reason));
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
