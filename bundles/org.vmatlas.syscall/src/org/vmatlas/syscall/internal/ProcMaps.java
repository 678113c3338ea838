package org.vmatlas.syscall.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;

/**
 * A small byte-level reader of {@code /proc/self/maps}, the truth the sandbox's {@code mappings()} is
 * cut from. Lines look like {@code 7f00-7f01 rw-p 00000000 08:01 1234   /path}; the device is kept as
 * {@code major << 32 | minor}. It is the sandbox's own reader; the full {@code /proc/PID} reader
 * (smaps, other processes) lives with the sources.
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
        int pos = 0;
        int line = 1;
        while (pos < length) {
            int eol = pos;
            while (eol < length && text[eol] != '\n') {
                eol++;
            }
            if (eol > pos) {
                out.add(parseLine(text, pos, eol, line));
            }
            pos = eol + 1;
            line++;
        }
        return out;
    }

    private static Mapping parseLine(byte[] b, int from, int to, int line) {
        Cursor c = new Cursor(b, from, to, line);
        long start = c.hex('-');
        long end = c.hex(' ');
        int prot = (c.at(0) == 'r' ? Prot.READ : 0) | (c.at(1) == 'w' ? Prot.WRITE : 0) | (c.at(2) == 'x' ? Prot.EXEC : 0);
        boolean shared = c.at(3) == 's';
        c.skip(4);
        c.expect(' ');
        long offset = c.hex(' ');
        long major = c.hex(':');
        long minor = c.hex(' ');
        long inode = c.decimal();
        String path = c.rest();
        return new Mapping(start, end, prot, Prot.RWX, shared, offset, major << 32 | minor, inode, path);
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

    /** Reads fields left to right within one line. */
    private static final class Cursor {
        private final byte[] b;
        private final int to;
        private final int line;
        private int pos;

        Cursor(byte[] b, int from, int to, int line) {
            this.b = b;
            this.pos = from;
            this.to = to;
            this.line = line;
        }

        char at(int i) {
            if (pos + i >= to) {
                throw malformed("protection field is short");
            }
            return (char) b[pos + i];
        }

        void skip(int n) {
            pos += n;
        }

        void expect(char ch) {
            if (pos >= to || b[pos] != ch) {
                throw malformed("expected '" + ch + "'");
            }
            pos++;
        }

        long hex(char terminator) {
            long value = 0;
            int begin = pos;
            while (pos < to && b[pos] != terminator) {
                int d = Character.digit(b[pos], 16);
                if (d < 0) {
                    throw malformed("'" + (char) b[pos] + "' is not a hex digit");
                }
                value = value << 4 | d;
                pos++;
            }
            if (pos == begin || pos >= to) {
                throw malformed("missing field before '" + terminator + "'");
            }
            pos++;
            return value;
        }

        long decimal() {
            long value = 0;
            while (pos < to && b[pos] >= '0' && b[pos] <= '9') {
                value = value * 10 + (b[pos++] - '0');
            }
            return value;
        }

        String rest() {
            while (pos < to && b[pos] == ' ') {
                pos++;
            }
            return pos >= to ? "" : new String(b, pos, to - pos, StandardCharsets.UTF_8);
        }

        private IllegalArgumentException malformed(String what) {
            return new IllegalArgumentException("maps line " + line + ": " + what + " in '" + lineText() + "'");
        }

        private String lineText() {
            int start = pos;
            while (start > 0 && b[start - 1] != '\n') {
                start--;
            }
            return new String(b, start, to - start, StandardCharsets.ISO_8859_1);
        }
    }
}
