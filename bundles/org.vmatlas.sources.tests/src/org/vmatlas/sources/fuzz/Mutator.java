package org.vmatlas.sources.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutator of text inputs: bit flips, byte insertion and deletion, truncation, line duplication and
 * swapping, lines spliced in from other seeds, numbers replaced by boundary values (0, -1, 2^63-1, 2^64-1 in
 * hex, huge repeat counts) and runs of binary garbage. The same seed gives the same input, so a failure is
 * reproduced from the seed it prints.
 */
public final class Mutator {

    private static final String[] BOUNDARIES = {"0", "-1", "1", "4095", "4097", "9223372036854775807",
        "-9223372036854775808", "18446744073709551615", "0x7fffffffffffffff", "0xffffffffffffffff",
        "0x7fffffffffff0000", "0xffffffffffff0000", "0x8000000000000000", "7fffffffffffffff", "ffffffffffffffff",
        "10000000", "100001", "4294967296", "0x", "1G", "1T", "99999999999999999999", "map_limit*1000", "@i"};
    private static final byte[] INTERESTING = {0, -1, '\n', '\r', ' ', '(', ')', '=', '-', '<', '>', '"', '\\',
        ',', '#', 0x1b, 0x7f, (byte) 0x80, (byte) 0xc3};

    private final List<byte[]> seeds;

    public Mutator(List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a mutator needs at least one seed input");
        }
        this.seeds = List.copyOf(seeds);
    }

    /** Input number {@code seed}: a seed input with one to four mutations stacked on it. */
    public byte[] input(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = mutate(b, random);
        }
        return b;
    }

    byte[] mutate(byte[] b, SplittableRandom r) {
        int n = b.length;
        return switch (r.nextInt(11)) {
            case 0 -> {
                if (n > 0) {
                    b[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                }
                yield b;
            }
            case 1 -> {
                if (n > 0) {
                    b[r.nextInt(n)] = INTERESTING[r.nextInt(INTERESTING.length)];
                }
                yield b;
            }
            case 2 -> splice(b, r.nextInt(n + 1), 0, randomBytes(r, 1 + r.nextInt(16)));
            case 3 -> {
                int at = r.nextInt(n + 1);
                yield splice(b, at, Math.min(n - at, 1 + r.nextInt(64)), new byte[0]);
            }
            case 4 -> java.util.Arrays.copyOf(b, r.nextInt(n + 1));
            case 5, 6 -> lines(b, r);
            case 7, 8 -> number(b, r);
            case 9 -> splice(b, r.nextInt(n + 1), 0, randomBytes(r, 64 + r.nextInt(512)));
            default -> {
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                List<byte[]> theirs = split(other);
                byte[] line = theirs.get(r.nextInt(theirs.size()));
                yield splice(b, lineStart(b, r.nextInt(n + 1)), 0, (new String(line, StandardCharsets.ISO_8859_1)
                        + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        };
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) r.nextInt(256);
        }
        return out;
    }

    /** Duplicates, swaps or deletes whole lines. */
    private static byte[] lines(byte[] b, SplittableRandom r) {
        List<byte[]> lines = split(b);
        int i = r.nextInt(lines.size());
        int j = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.add(j, lines.get(i));
            case 1 -> {
                byte[] t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            default -> lines.remove(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
        for (int k = 0; k < lines.size(); k++) {
            out.writeBytes(lines.get(k));
            if (k < lines.size() - 1) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** Replaces a run of digits (hex or decimal) with a boundary value. */
    private static byte[] number(byte[] b, SplittableRandom r) {
        int n = b.length;
        if (n == 0) {
            return BOUNDARIES[r.nextInt(BOUNDARIES.length)].getBytes(StandardCharsets.US_ASCII);
        }
        int at = r.nextInt(n);
        int tries = 0;
        while (tries++ < 64 && !Character.isDigit(b[at])) {
            at = r.nextInt(n);
        }
        int from = at;
        while (from > 0 && isWord(b[from - 1])) {
            from--;
        }
        int to = at;
        while (to < n && isWord(b[to])) {
            to++;
        }
        return splice(b, from, to - from, BOUNDARIES[r.nextInt(BOUNDARIES.length)].getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isWord(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == 'x' || c >= 'A' && c <= 'F';
    }

    private static int lineStart(byte[] b, int at) {
        while (at > 0 && b[at - 1] != '\n') {
            at--;
        }
        return at;
    }

    static List<byte[]> split(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
