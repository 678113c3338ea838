package org.vmatlas.sources.internal.proc;

/** A line parser fed a file as it is read: whole lines now, the last partial line when the file ends. */
public interface ChunkParser {

    /**
     * Parses the complete lines of {@code b[from, to)}, and everything up to {@code to} when {@code last}.
     *
     * @return where the first line not parsed starts ({@code to} when {@code last})
     */
    int parse(byte[] b, int from, int to, boolean last);
}
