package org.vmatlas.sources.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.Mapping;

/** Parses a whole {@code maps} file held in bytes; bad lines become {@link ParseProblem}s, the rest is kept. */
public final class MapsParser {

    private final MapsLineParser line = new MapsLineParser();

    public void parse(byte[] b, int length, String file, List<Mapping> out, List<ParseProblem> problems) {
        int pos = 0;
        long lineNumber = 0;
        while (pos < length) {
            lineNumber++;
            Mapping mapping = line.parse(b, pos, length);
            if (mapping != null) {
                out.add(mapping);
            } else if (line.next() - pos > 1) {
                int end = Math.min(line.next() - 1, length);
                problems.add(new ParseProblem(file, lineNumber,
                        new String(b, pos, end - pos, StandardCharsets.UTF_8), line.error()));
            }
            pos = line.next();
        }
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
