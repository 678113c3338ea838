package org.vmatlas.syscall;

import java.nio.charset.StandardCharsets;

/**
 * Parses a {@code /proc/PID/maps} file held in bytes, whole or chunk by chunk as it is read (whole lines
 * now, the last partial line when the file ends). Every mapping goes to the {@link Lines} given; so does
 * every line that is no mapping, with its number and why, and every mapping that starts below the end of
 * the one kept before it (out of order, or overlapping), which is not kept. Empty lines are passed over.
 * <p>
 * The one maps parser of vmatlas: the sandbox cuts its {@code mappings()} from {@code /proc/self/maps}
 * through it, the sources read other processes' files with it. One instance per file reading.
 */
public final class MapsText {

    /** Where a parse hands its results. */
    public interface Lines {
        void mapping(Mapping mapping);

        /** Line {@code number} (from 1), without its newline, was not kept because of {@code reason}. */
        void bad(long number, String text, String reason);

        /**
         * Line {@code number} holds {@code mapping}, which starts below the end of the mapping kept before it;
         * unless overridden it is {@link #bad} and not kept.
         */
        default void outOfOrder(long number, String text, String reason, Mapping mapping) {
            bad(number, text, reason);
        }
    }

    private final MapsLineParser line = new MapsLineParser();
    private final Lines out;
    private long lineNumber;
    /** End of the last mapping kept (unsigned): a line must start at or above it. */
    private long lastEnd;

    public MapsText(Lines out) {
        this.out = out;
    }

    /** Parses a whole file of {@code length} bytes. */
    public void parseAll(byte[] b, int length) {
        lineNumber = 0;
        lastEnd = 0;
        parse(b, 0, length, true);
    }

    /**
     * Parses the complete lines of {@code b[from, to)}, and everything up to {@code to} when {@code last}.
     *
     * @return where the first line not parsed starts ({@code to} when {@code last})
     */
    public int parse(byte[] b, int from, int to, boolean last) {
        int pos = from;
        while (pos < to) {
            Mapping mapping = line.parse(b, pos, to);
            if (!last && line.next() > to) {
                return pos; // a partial line: parse it again when the rest has come
            }
            lineNumber++;
            if (mapping != null && Long.compareUnsigned(mapping.start(), lastEnd) >= 0) {
                out.mapping(mapping);
                lastEnd = mapping.end();
            } else if (mapping != null) {
                int end = Math.min(line.next() - 1, to);
                out.outOfOrder(lineNumber, new String(b, pos, end - pos, StandardCharsets.UTF_8), (Long.compareUnsigned(mapping.end(), lastEnd) <= 0 ? "out of order" : "overlaps the line before")
                        + ": starts below 0x" + Long.toHexString(lastEnd) + ", where the mappings before end", mapping);
            } else if (line.next() - pos > 1) {
                bad(b, pos, to, line.error());
            }
            pos = line.next();
        }
        return Math.min(pos, to);
    }

    private void bad(byte[] b, int pos, int to, String reason) {
        int end = Math.min(line.next() - 1, to);
        out.bad(lineNumber, new String(b, pos, end - pos, StandardCharsets.UTF_8), reason);
    }
}
