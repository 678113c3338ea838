package org.vmatlas.owners.internal.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Function and object symbols of one ELF file, sorted by value, for finding the symbol an address falls in.
 * Reads {@code .symtab} (when the file is not stripped) and {@code .dynsym}; each table's string table is
 * the section its {@code sh_link} names, checked like every other offset.
 */
public final class ElfSymbols {

    static final int SHT_SYMTAB = 2;
    static final int SHT_DYNSYM = 11;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;
    /** A function whose address a resolver picks at load time (glibc's {@code memcpy}, {@code strlen}). */
    static final int STT_GNU_IFUNC = 10;
    /** Bounds what a hostile file can make us allocate. */
    private static final long MAX_TABLE_BYTES = 256L << 20;

    private final long[] values;
    private final long[] sizes;
    private final String[] names;

    private ElfSymbols(long[] values, long[] sizes, String[] names) {
        this.values = values;
        this.sizes = sizes;
        this.names = names;
    }

    public static final ElfSymbols NONE = new ElfSymbols(new long[0], new long[0], new String[0]);

    static ElfSymbols read(FileChannel channel, long fileSize, long shoff, int shentsize, int shnum)
            throws IOException, ElfException {
        if (shnum == 0) {
            return NONE;
        }
        if (shentsize < 64) {
            throw new ElfException("section headers of " + shentsize + " bytes");
        }
        ByteBuffer sections = ElfFile.readAt(channel, shoff, (long) shnum * shentsize, fileSize, "the section headers");
        Builder out = new Builder();
        for (int i = 0; i < shnum; i++) {
            int at = i * shentsize;
            int type = sections.getInt(at + 4);
            if (type != SHT_SYMTAB && type != SHT_DYNSYM) {
                continue;
            }
            long offset = sections.getLong(at + 24);
            long size = sections.getLong(at + 32);
            int link = sections.getInt(at + 40);
            long entsize = sections.getLong(at + 56);
            if (entsize < 24 || link <= 0 || link >= shnum || size > MAX_TABLE_BYTES) {
                throw new ElfException("symbol table in section " + i + " is malformed");
            }
            int strAt = link * shentsize;
            long strOffset = sections.getLong(strAt + 24);
            long strSize = sections.getLong(strAt + 32);
            if (strSize > MAX_TABLE_BYTES) {
                throw new ElfException("string table of section " + i + " is too large");
            }
            ByteBuffer table = ElfFile.readAt(channel, offset, size, fileSize, "symbol table " + i);
            ByteBuffer strings = ElfFile.readAt(channel, strOffset, strSize, fileSize, "string table " + link);
            for (long k = 0; k + 24 <= size; k += entsize) {
                int e = (int) k;
                int name = table.getInt(e);
                int info = table.get(e + 4) & 0xf;
                int shndx = Short.toUnsignedInt(table.getShort(e + 6));
                long value = table.getLong(e + 8);
                long symSize = table.getLong(e + 16);
                if ((info == STT_FUNC || info == STT_OBJECT || info == STT_GNU_IFUNC) && shndx != 0 && value != 0 && name > 0
                        && Integer.toUnsignedLong(name) < strSize) {
                    out.add(value, symSize, string(strings, name));
                }
            }
        }
        return out.build();
    }

    private static String string(ByteBuffer strings, int from) {
        int end = from;
        while (end < strings.limit() && strings.get(end) != 0) {
            end++;
        }
        return new String(strings.array(), from, end - from, StandardCharsets.UTF_8);
    }

    public int size() {
        return values.length;
    }

    /**
     * The symbol holding {@code vaddr}: the one with the greatest value at or below it whose size reaches it
     * (a symbol of size 0 holds only its own address). {@code -1} when none does.
     */
    public int indexOf(long vaddr) {
        int i = Arrays.binarySearch(values, vaddr);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < values.length && values[i + 1] == vaddr) {
                i++;
            }
        }
        for (int k = i; k >= 0 && k > i - 8; k--) {
            if (vaddr - values[k] < Math.max(sizes[k], 1)) {
                return k;
            }
        }
        return -1;
    }

    public String name(int index) {
        return names[index];
    }

    public long value(int index) {
        return values[index];
    }

    /** The value of the symbol named {@code name}, or -1. */
    public long valueOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return -1;
    }

    private static final class Builder {
        private long[] values = new long[1024];
        private long[] sizes = new long[1024];
        private String[] names = new String[1024];
        private int n;

        void add(long value, long size, String name) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                sizes = Arrays.copyOf(sizes, n * 2);
                names = Arrays.copyOf(names, n * 2);
            }
            values[n] = value;
            sizes[n] = size;
            names[n] = name;
            n++;
        }

        ElfSymbols build() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // by value; of equal values the larger symbol first, so a lookup (which takes the last) finds the smaller
            Arrays.sort(order, (a, b) -> values[a] != values[b] ? Long.compare(values[a], values[b])
                    : Long.compare(sizes[b], sizes[a]));
            long[] v = new long[n];
            long[] s = new long[n];
            String[] m = new String[n];
            for (int i = 0; i < n; i++) {
                v[i] = values[order[i]];
                s[i] = sizes[order[i]];
                m[i] = names[order[i]];
            }
            return new ElfSymbols(v, s, m);
        }
    }
}
