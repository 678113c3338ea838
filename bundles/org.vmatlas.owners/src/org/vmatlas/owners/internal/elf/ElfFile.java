package org.vmatlas.owners.internal.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounds-checked reader of the parts of a 64-bit little-endian ELF file that say what its mappings are:
 * the header, the program headers ({@code PT_LOAD}, {@code PT_GNU_RELRO}) and, on demand, the symbols of
 * {@code .dynsym} and {@code .symtab}. Every offset and count read from the file is checked against the file's
 * size before it is used, so a damaged or hostile file is refused with a reason, never read out of bounds.
 */
public final class ElfFile {

    static final int PT_LOAD = 1;
    static final int PT_GNU_RELRO = 0x6474e552;
    static final int PF_X = 1;
    static final int PF_W = 2;
    /** More program headers than any real file has; a count above it marks a damaged file. */
    private static final int MAX_PROGRAM_HEADERS = 4096;

    private final Path path;
    private final long size;
    private final int type;
    private final List<Segment> loads;
    private final Segment relro;
    private final long shoff;
    private final int shentsize;
    private final int shnum;
    private volatile ElfSymbols symbols;

    private ElfFile(Path path, long size, int type, List<Segment> loads, Segment relro, long shoff, int shentsize,
            int shnum) {
        this.path = path;
        this.size = size;
        this.type = type;
        this.loads = loads;
        this.relro = relro;
        this.shoff = shoff;
        this.shentsize = shentsize;
        this.shnum = shnum;
    }

    /** One program header: where its bytes are in the file and where they go in memory. */
    public record Segment(int flags, long offset, long vaddr, long filesz, long memsz) {
        public boolean executable() {
            return (flags & PF_X) != 0;
        }

        public boolean writable() {
            return (flags & PF_W) != 0;
        }
    }

    /** Reads {@code path}'s header and program headers. */
    public static ElfFile read(Path path) throws IOException, ElfException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = readAt(channel, 0, 64, size, "the ELF header");
            if (header.getInt(0) != 0x464c457f) {
                throw new ElfException("not an ELF file");
            }
            if (header.get(4) != 2 || header.get(5) != 1) {
                throw new ElfException("not a 64-bit little-endian ELF file");
            }
            int type = Short.toUnsignedInt(header.getShort(16));
            long phoff = header.getLong(32);
            long shoff = header.getLong(40);
            int phentsize = Short.toUnsignedInt(header.getShort(54));
            int phnum = Short.toUnsignedInt(header.getShort(56));
            int shentsize = Short.toUnsignedInt(header.getShort(58));
            int shnum = Short.toUnsignedInt(header.getShort(60));
            if (phnum > MAX_PROGRAM_HEADERS || (phnum > 0 && phentsize < 56)) {
                throw new ElfException("program header table of " + phnum + " entries of " + phentsize + " bytes");
            }
            ByteBuffer table = readAt(channel, phoff, (long) phnum * phentsize, size, "the program headers");
            List<Segment> loads = new ArrayList<>();
            Segment relro = null;
            for (int i = 0; i < phnum; i++) {
                int at = i * phentsize;
                int ptype = table.getInt(at);
                Segment s = new Segment(table.getInt(at + 4), table.getLong(at + 8), table.getLong(at + 16),
                        table.getLong(at + 32), table.getLong(at + 40));
                if (s.offset() < 0 || s.filesz() < 0 || s.memsz() < 0 || s.filesz() > s.memsz()) {
                    throw new ElfException("program header " + i + " has impossible sizes");
                }
                if (ptype == PT_LOAD) {
                    loads.add(s);
                } else if (ptype == PT_GNU_RELRO) {
                    relro = s;
                }
            }
            return new ElfFile(path, size, type, List.copyOf(loads), relro, shoff, shentsize, shnum);
        }
    }

    static ByteBuffer readAt(FileChannel channel, long offset, long length, long fileSize, String what)
            throws IOException, ElfException {
        if (offset < 0 || length < 0 || length > Integer.MAX_VALUE || offset > fileSize - length) {
            throw new ElfException(what + " (" + length + " bytes at " + offset + ") lies outside the file of "
                    + fileSize + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new ElfException(what + " is cut short: the file ended");
            }
        }
        return buffer.flip();
    }

    public Path path() {
        return path;
    }

    /** {@code ET_EXEC} (2) or {@code ET_DYN} (3) for programs and libraries. */
    public int type() {
        return type;
    }

    public List<Segment> loads() {
        return loads;
    }

    /** {@code PT_GNU_RELRO}: the range made read-only after relocation, or {@code null}. */
    public Segment relro() {
        return relro;
    }

    /** The loadable segment whose file bytes hold {@code fileOffset}, or {@code null}. */
    public Segment loadAtOffset(long fileOffset) {
        for (Segment s : loads) {
            if (fileOffset >= s.offset() && fileOffset - s.offset() < Math.max(s.filesz(), 1)) {
                return s;
            }
        }
        return null;
    }

    /** The symbols of {@code .symtab} and {@code .dynsym}, read once. */
    public ElfSymbols symbols() throws IOException, ElfException {
        ElfSymbols s = symbols;
        if (s == null) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                s = ElfSymbols.read(channel, size, shoff, shentsize, shnum);
            }
            symbols = s;
        }
        return s;
    }
}
