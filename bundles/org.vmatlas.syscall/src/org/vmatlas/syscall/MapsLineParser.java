package org.vmatlas.syscall;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.vmatlas.syscall.text.Bytes;

/**
 * Byte-level parser of one {@code /proc/PID/maps} line:
 * {@code start-end perms offset major:minor inode [path]}, hex except the decimal inode. The path is
 * the rest of the line after the padding, spaces and {@code " (deleted)"} included. Consecutive lines
 * with the same path share one {@code String} (a library's four mappings, 60k lines of one file).
 * <p>
 * Works on a byte array so that no line becomes a {@code String} unless it is malformed. Addresses are
 * unsigned ({@code [vsyscall]} lives at {@code 0xffffffffff600000}). Not thread-safe; one per reader.
 * {@link MapsText} parses whole files with it; the sources read {@code smaps} headers with it.
 */
public final class MapsLineParser {

    private byte[] lastPath = new byte[0];
    private String lastPathString = "";
    private String error;
    private int next;

    /** Why the last {@link #parse} returned {@code null}. */
    public String error() {
        return error;
    }

    /** Where the line after the last one parsed starts. */
    public int next() {
        return next;
    }

    /** Parses the line at {@code pos} (ending at a newline or {@code limit}); {@code null} if malformed. */
    public Mapping parse(byte[] b, int pos, int limit) {
        int eol = Bytes.lineEnd(b, pos, limit);
        next = eol + 1;
        error = null;
        int p = pos;
        long start = 0;
        int digits = 0;
        for (int v; p < eol && (v = hex(b[p])) >= 0; p++, digits++) {
            start = (start << 4) | v;
        }
        if (digits == 0 || digits > 16 || p >= eol || b[p] != '-') {
            return fail("no start address before '-'");
        }
        p++;
        long end = 0;
        digits = 0;
        for (int v; p < eol && (v = hex(b[p])) >= 0; p++, digits++) {
            end = (end << 4) | v;
        }
        if (digits == 0 || digits > 16 || p >= eol || b[p] != ' ') {
            return fail("no end address after '-'");
        }
        if (Long.compareUnsigned(end, start) <= 0) {
            return fail("end is not above start");
        }
        if ((start ^ end) < 0) {
            return fail("the range crosses 0x8000000000000000, the border of user space");
        }
        p++;
        if (p + 5 > eol || b[p + 4] != ' ') {
            return fail("permissions are not four letters");
        }
        int prot = 0;
        if (b[p] == 'r') prot |= Prot.READ; else if (b[p] != '-') return fail("bad read permission");
        if (b[p + 1] == 'w') prot |= Prot.WRITE; else if (b[p + 1] != '-') return fail("bad write permission");
        if (b[p + 2] == 'x') prot |= Prot.EXEC; else if (b[p + 2] != '-') return fail("bad exec permission");
        boolean shared;
        if (b[p + 3] == 's') shared = true; else if (b[p + 3] == 'p') shared = false; else return fail("sharing is neither 's' nor 'p'");
        p += 5;
        long offset = 0;
        digits = 0;
        for (int v; p < eol && (v = hex(b[p])) >= 0; p++, digits++) {
            offset = (offset << 4) | v;
        }
        if (digits == 0 || digits > 16 || p >= eol || b[p] != ' ') {
            return fail("bad offset");
        }
        p++;
        long major = 0;
        digits = 0;
        for (int v; p < eol && (v = hex(b[p])) >= 0; p++, digits++) {
            major = (major << 4) | v;
        }
        if (digits == 0 || digits > 8 || p >= eol || b[p] != ':') {
            return fail("bad device (major:minor)");
        }
        p++;
        long minor = 0;
        digits = 0;
        for (int v; p < eol && (v = hex(b[p])) >= 0; p++, digits++) {
            minor = (minor << 4) | v;
        }
        if (digits == 0 || digits > 8 || p >= eol || b[p] != ' ') {
            return fail("bad device (major:minor)");
        }
        p++;
        long inode = 0;
        digits = 0;
        for (; p < eol && b[p] >= '0' && b[p] <= '9'; p++, digits++) {
            inode = inode * 10 + (b[p] - '0');
        }
        if (digits == 0 || digits > 20 || (p < eol && b[p] != ' ')) {
            return fail("bad inode");
        }
        while (p < eol && b[p] == ' ') {
            p++;
        }
        return new Mapping(start, end, prot, Prot.RWX, shared, offset, device(major, minor), inode, path(b, p, eol));
    }

    /** glibc's {@code makedev}, so that the value equals {@code stat}'s {@code st_dev} of the file. */
    public static long device(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8) | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    private String path(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return "";
        }
        if (n == lastPath.length && Arrays.equals(b, from, to, lastPath, 0, n)) {
            return lastPathString;
        }
        lastPath = Arrays.copyOfRange(b, from, to);
        lastPathString = new String(lastPath, StandardCharsets.UTF_8);
        return lastPathString;
    }

    private Mapping fail(String reason) {
        error = reason;
        return null;
    }

    private static int hex(byte c) {
        return Bytes.HEX[c & 0xff];
    }
}
