package org.vmatlas.sources.internal.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapsLineParser;
import org.vmatlas.syscall.Prot;

class MapsParserTest {

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();

    private void parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        new MapsParser().parse(b, b.length, "test/maps", mappings, problems);
    }

    @Test
    void readsEveryFieldOfAFileLine() {
        parse("7f3a1c000000-7f3a1c021000 r-xs 0001f000 fd:01 1234567                    /usr/lib/libc.so.6\n");
        Mapping m = mappings.getFirst();
        assertEquals(0x7f3a1c000000L, m.start());
        assertEquals(0x7f3a1c021000L, m.end());
        assertEquals(Prot.RX, m.prot());
        assertTrue(m.shared());
        assertEquals(0x1f000, m.offset());
        assertEquals(MapsLineParser.device(0xfd, 1), m.device());
        assertEquals(1234567, m.inode());
        assertEquals("/usr/lib/libc.so.6", m.path());
        assertTrue(problems.isEmpty());
    }

    @Test
    void keepsSpacesAndDeletedMarkInPaths() {
        parse("""
                1000-2000 rw-p 00000000 00:2a 77                         /tmp/my file  with spaces.bin (deleted)
                2000-3000 ---p 00000000 00:00 0                          [heap]
                3000-4000 rw-p 00000000 00:00 0
                ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0  [vsyscall]
                """);
        assertEquals(4, mappings.size());
        assertEquals("/tmp/my file  with spaces.bin (deleted)", mappings.get(0).path());
        assertEquals("[heap]", mappings.get(1).path());
        assertEquals(Prot.NONE, mappings.get(1).prot());
        assertEquals("", mappings.get(2).path());
        assertTrue(mappings.get(2).anonymous());
        assertEquals(0xffffffffff600000L, mappings.get(3).start());
    }

    @Test
    void reportsMalformedLinesWithTheirNumberAndKeepsTheRest() {
        parse("""
                1000-2000 rw-p 00000000 00:00 0
                2000-3000 rq-p 00000000 00:00 0
                3000-4000 r--p 00000000 00:00 0
                zzzz
                4000-3000 r--p 00000000 00:00 0
                5000-6000 r--p 00000000 00:00 0""");
        assertEquals(List.of(0x1000L, 0x3000L, 0x5000L), mappings.stream().map(Mapping::start).toList());
        assertEquals(3, problems.size());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("test/maps:2: bad write permission"), problems.get(0).message());
        assertTrue(problems.get(0).message().contains("rq-p"));
        assertEquals(4, problems.get(1).line());
        assertEquals("zzzz", problems.get(1).text());
        assertEquals(5, problems.get(2).line());
        assertEquals("end is not above start", problems.get(2).reason());
    }

    @Test
    void truncatedLinesAreProblemsNotCrashes() {
        parse("1000-2000 rw-p 0000\n1000-\n-\n1000-2000 rw\n");
        assertTrue(mappings.isEmpty());
        assertEquals(4, problems.size());
    }

    @Test
    void countsLinesWithAndWithoutFinalNewline() {
        byte[] b = "a\nb\nc".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, MapsParser.countLines(b, b.length));
        assertEquals(2, MapsParser.countLines(b, 4));
        assertEquals(0, MapsParser.countLines(b, 0));
    }

    @Test
    void consecutiveEqualPathsShareOneString() {
        parse("1000-2000 r--p 00000000 08:01 5 /lib/x.so\n2000-3000 r-xp 00001000 08:01 5 /lib/x.so\n");
        assertFalse(mappings.isEmpty());
        assertTrue(mappings.get(0).path() == mappings.get(1).path());
    }
}
