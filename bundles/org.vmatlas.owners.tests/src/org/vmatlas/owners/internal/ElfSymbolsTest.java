package org.vmatlas.owners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.Location;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.internal.elf.ElfException;
import org.vmatlas.owners.internal.elf.ElfFile;
import org.vmatlas.owners.internal.elf.ElfSymbols;

/** The ELF reader against binutils' {@code nm} on the same file, and against damaged files. */
class ElfSymbolsTest {

    private static final Path LIBC = Path.of("/lib/x86_64-linux-gnu/libc.so.6");

    /**
     * {@code nm -D --defined-only}: names by value, version suffixes cut. Thread-local symbols ({@code __resp})
     * hold offsets into each thread's block, not addresses, and lie below the first page: they are left out.
     */
    private static Map<Long, Set<String>> nm(Path file) throws Exception {
        Process p = new ProcessBuilder("nm", "-D", "--defined-only", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        Map<Long, Set<String>> byValue = new HashMap<>();
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && "TtWiDdBbRrVv".indexOf(f[1].charAt(0)) >= 0) {
                long value = Long.parseUnsignedLong(f[0], 16);
                if (value >= 0x1000) {
                    byValue.computeIfAbsent(value, k -> new HashSet<>()).add(f[2].replaceAll("@.*", ""));
                }
            }
        }
        return byValue;
    }

    @Test
    void everyDynamicSymbolOfLibcIsFoundAtItsValue() throws Exception {
        Map<Long, Set<String>> expected = nm(LIBC);
        assertTrue(expected.size() > 1000, "nm lists libc's symbols: " + expected.size());
        ElfSymbols symbols = ElfFile.read(LIBC).symbols();
        for (Map.Entry<Long, Set<String>> e : expected.entrySet()) {
            int i = symbols.indexOf(e.getKey());
            assertTrue(i >= 0, "no symbol at 0x" + Long.toHexString(e.getKey()) + " " + e.getValue());
            assertEquals(e.getKey(), symbols.value(i), e.getValue().toString());
            assertTrue(e.getValue().contains(symbols.name(i)) || symbols.name(i).startsWith("_"),
                    symbols.name(i) + " is not among " + e.getValue());
        }
    }

    @Test
    void addressesInThisProcessNameLibcAndMalloc() throws Exception {
        long malloc = nm(LIBC).entrySet().stream().filter(e -> e.getValue().contains("malloc")).findFirst()
                .orElseThrow().getKey();
        long pid = ProcessHandle.current().pid();
        Classification c = new ClassifierCore().classify(Fixtures.live(pid).space().regions(), OptionalLong.of(pid),
                List.of(), false, null);
        int text = -1;
        for (int i = 0; i < c.size(); i++) {
            if (c.owner(i).label().equals("libc.so.6 text")) {
                text = i;
            }
        }
        assertTrue(text >= 0, "libc's text is an image part");
        long base = 0;
        for (int i = 0; i < c.size(); i++) {
            if (c.type(i) == RegionType.IMAGE && c.owner(i).name().equals("libc.so.6")) {
                Location probe = c.locate(c.regions().get(i).start());
                base = c.regions().get(i).start() - probe.ownerOffset();
                break;
            }
        }
        Location at = c.locate(base + malloc + 0x40);
        assertEquals("libc.so.6", at.owner().name());
        assertEquals(malloc + 0x40, at.ownerOffset());
        assertNotNull(at.symbol());
        assertEquals(0x40, at.symbolOffset(), at.toString());
        assertTrue(at.toString().matches("libc\\.so\\.6\\+0x[0-9a-f]+ \\((__libc_)?malloc\\+0x40\\)"), at.toString());
    }

    @Test
    void damagedFilesAreRefusedWithAReason(@TempDir Path dir) throws IOException {
        byte[] real = Files.readAllBytes(LIBC);
        Path cut = dir.resolve("cut.so");
        Files.write(cut, java.util.Arrays.copyOf(real, 40));
        assertThrows(ElfException.class, () -> ElfFile.read(cut));
        byte[] hostile = java.util.Arrays.copyOf(real, 4096);
        hostile[32] = (byte) 0xf0; // program headers far past the end of the file
        hostile[39] = (byte) 0x7f;
        Path far = dir.resolve("far.so");
        Files.write(far, hostile);
        ElfException e = assertThrows(ElfException.class, () -> ElfFile.read(far));
        assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
        Path text = dir.resolve("text.so");
        Files.writeString(text, "not an elf file at all, but long enough to hold a header of sixty-four bytes.");
        assertThrows(ElfException.class, () -> ElfFile.read(text));
    }
}
