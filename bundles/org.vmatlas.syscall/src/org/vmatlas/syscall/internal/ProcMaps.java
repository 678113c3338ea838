package org.vmatlas.syscall.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsText;

/**
 * {@code /proc/self/maps} as the sandbox reads it, the truth its {@code mappings()} is cut from, parsed by
 * {@link MapsText} (the parser the sources use for other processes); here a malformed line is an error.
 */
public final class ProcMaps {

    private ProcMaps() {
    }

    public static List<Mapping> read(Path file) throws IOException {
        byte[] text;
        try (InputStream in = Files.newInputStream(file)) {
            text = in.readAllBytes();
        }
        return parse(text, text.length);
    }

    /** Parses {@code length} bytes of maps text; a malformed line is reported with its number. */
    public static List<Mapping> parse(byte[] text, int length) {
        List<Mapping> out = new ArrayList<>();
        new MapsText(new MapsText.Lines() {
            @Override
            public void mapping(Mapping mapping) {
                out.add(mapping);
            }

            @Override
            public void bad(long number, String line, String reason) {
                throw new IllegalArgumentException("maps line " + number + ": " + reason + " in '" + line + "'");
            }

            @Override
            public void outOfOrder(long number, String line, String reason, Mapping mapping) {
                out.add(mapping); // the file changed between two reads: keep what the kernel said
            }
        }).parseAll(text, length);
        return out;
    }

    /**
     * The parts of {@code mappings} that lie inside {@code ranges} (flattened {@code [start, end)} pairs,
     * sorted, disjoint); a cut file-backed mapping keeps its offset consistent with its new start.
     */
    public static List<Mapping> clip(List<Mapping> mappings, long[] ranges) {
        List<Mapping> out = new ArrayList<>();
        int r = 0;
        for (Mapping m : mappings) {
            while (r < ranges.length && ranges[r + 1] <= m.start()) {
                r += 2;
            }
            for (int i = r; i < ranges.length && ranges[i] < m.end(); i += 2) {
                long start = Math.max(m.start(), ranges[i]);
                long end = Math.min(m.end(), ranges[i + 1]);
                if (start < end) {
                    out.add(start == m.start() && end == m.end() ? m
                            : new Mapping(start, end, m.prot(), m.maxProt(), m.shared(),
                                    m.offset() + (start - m.start()), m.device(), m.inode(), m.path()));
                }
            }
        }
        return out;
    }
}
