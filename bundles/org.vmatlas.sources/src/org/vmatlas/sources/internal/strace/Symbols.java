package org.vmatlas.sources.internal.strace;

import java.nio.charset.StandardCharsets;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/**
 * strace's symbolic constants ({@code PROT_READ|PROT_EXEC}, {@code MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE},
 * {@code MREMAP_MAYMOVE}, {@code MADV_DONTNEED}) turned into vmatlas's OS-neutral bits. Names vmatlas
 * does not model ({@code MAP_DENYWRITE}, {@code MAP_STACK}, {@code PROT_GROWSDOWN}) add nothing; a
 * plain number ({@code 0x3}) is taken as Linux's own value.
 */
final class Symbols {

    record Table(byte[][] names, int[] bits, boolean linuxNumbers) {
    }

    static final Table PROT = table(true, "PROT_NONE", Prot.NONE, "PROT_READ", Prot.READ, "PROT_WRITE", Prot.WRITE,
            "PROT_EXEC", Prot.EXEC);
    static final Table MAP = table(false, "MAP_SHARED", MapFlags.SHARED, "MAP_PRIVATE", MapFlags.PRIVATE,
            "MAP_ANONYMOUS", MapFlags.ANONYMOUS, "MAP_ANON", MapFlags.ANONYMOUS, "MAP_FIXED", MapFlags.FIXED,
            "MAP_FIXED_NOREPLACE", MapFlags.FIXED_NOREPLACE, "MAP_NORESERVE", MapFlags.NORESERVE,
            "MAP_POPULATE", MapFlags.POPULATE, "MAP_SHARED_VALIDATE", MapFlags.SHARED);
    static final Table REMAP = table(false, "MREMAP_MAYMOVE", RemapFlags.MAYMOVE, "MREMAP_FIXED", RemapFlags.FIXED,
            "MREMAP_DONTUNMAP", RemapFlags.DONTUNMAP);

    private Symbols() {
    }

    private static Table table(boolean linuxNumbers, Object... pairs) {
        byte[][] names = new byte[pairs.length / 2][];
        int[] bits = new int[pairs.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = ((String) pairs[2 * i]).getBytes(StandardCharsets.US_ASCII);
            bits[i] = (Integer) pairs[2 * i + 1];
        }
        return new Table(names, bits, linuxNumbers);
    }

    /** Decodes {@code A|B|0x10} in {@code b[from, to)}; {@code -1} when a part is neither a name nor a number. */
    static int decode(Table table, byte[] b, int from, int to) {
        int bits = 0;
        int p = from;
        while (p < to) {
            int end = p;
            while (end < to && b[end] != '|' && b[end] != ' ') {
                end++;
            }
            if (b[p] >= '0' && b[p] <= '9') {
                long n = Numbers.parse(b, p, end);
                if (n == Numbers.BAD) {
                    return -1;
                }
                bits |= fromLinux(table, n);
            } else {
                bits |= lookup(table, b, p, end);
            }
            p = end;
            // a comment such as /* MAP_??? */ ends the value
            if (p < to && b[p] == ' ') {
                break;
            }
            p++;
        }
        return bits;
    }

    private static int lookup(Table table, byte[] b, int from, int to) {
        int n = to - from;
        for (int i = 0; i < table.names.length; i++) {
            byte[] name = table.names[i];
            if (name.length == n && java.util.Arrays.equals(b, from, to, name, 0, n)) {
                return table.bits[i];
            }
        }
        return 0;
    }

    /** Linux numbers: PROT bits equal ours; MAP and MREMAP bits are translated. */
    private static int fromLinux(Table table, long n) {
        if (table.linuxNumbers) {
            return (int) n & Prot.RWX;
        }
        if (table == REMAP) {
            return ((n & 1) != 0 ? RemapFlags.MAYMOVE : 0) | ((n & 2) != 0 ? RemapFlags.FIXED : 0)
                    | ((n & 4) != 0 ? RemapFlags.DONTUNMAP : 0);
        }
        return ((n & 0x01) != 0 ? MapFlags.SHARED : 0) | ((n & 0x02) != 0 ? MapFlags.PRIVATE : 0)
                | ((n & 0x10) != 0 ? MapFlags.FIXED : 0) | ((n & 0x20) != 0 ? MapFlags.ANONYMOUS : 0)
                | ((n & 0x4000) != 0 ? MapFlags.NORESERVE : 0) | ((n & 0x8000) != 0 ? MapFlags.POPULATE : 0)
                | ((n & 0x100000) != 0 ? MapFlags.FIXED_NOREPLACE : 0);
    }

    /** {@code MADV_DONTNEED} → {@link Advice#DONTNEED}; advice vmatlas does not model → {@code null}. */
    static Advice advice(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.US_ASCII);
        if (text.startsWith("MADV_")) {
            for (Advice advice : Advice.values()) {
                if (text.length() == 5 + advice.name().length() && text.endsWith(advice.name())) {
                    return advice;
                }
            }
        }
        return null;
    }
}
