package org.vmatlas.sources.internal.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.proc.SmapsEntry;
import org.vmatlas.syscall.Mapping;

/** Fed in chunks cut anywhere, the parsers give what they give fed the whole file. */
class ChunkedParseTest {

    private static final String MAPS = """
            1000-2000 rw-p 00000000 00:00 0
            2000-3000 r--p 00001000 08:01 99                         /lib/a b.so (deleted)
            bad line
            3000-4000 ---p 00000000 00:00 0                          [heap]
            5000-6000 r-xp 00000000 00:00 0""";

    private static final String SMAPS = """
            1000-3000 rw-p 00000000 00:00 0                          [heap]
            Size:                  8 kB
            Rss:                   8 kB
            Private_Dirty:         4 kB
            THPeligible:           1
            5000-6000 r--p 00001000 08:01 42                         /lib/a.so
            Size:                  4 kB
            Swap:                 12 kB
            """;

    @Test
    void mapsCutAtEveryByte() {
        byte[] b = MAPS.getBytes(StandardCharsets.UTF_8);
        List<Mapping> whole = new ArrayList<>();
        List<ParseProblem> wholeProblems = new ArrayList<>();
        new MapsParser().parse(b, b.length, "m", whole, wholeProblems);
        for (int cut = 0; cut <= b.length; cut++) {
            List<Mapping> out = new ArrayList<>();
            List<ParseProblem> problems = new ArrayList<>();
            MapsParser parser = new MapsParser("m", out, problems);
            int pos = parser.parse(b, 0, cut, false);
            assertEquals(b.length, parser.parse(b, pos, b.length, true));
            assertEquals(whole, out, "cut at " + cut);
            assertEquals(wholeProblems, problems, "cut at " + cut);
        }
        assertEquals(4, whole.size());
        assertEquals(3, wholeProblems.getFirst().line());
    }

    @Test
    void smapsCutAtEveryByte() {
        byte[] b = SMAPS.getBytes(StandardCharsets.UTF_8);
        List<SmapsEntry> whole = new ArrayList<>();
        new SmapsParser(null).parse(b, b.length, "s", whole, new ArrayList<>());
        for (int cut = 0; cut <= b.length; cut++) {
            List<SmapsEntry> out = new ArrayList<>();
            SmapsParser parser = new SmapsParser(null).start("s", out, new ArrayList<>());
            int pos = parser.parse(b, 0, cut, false);
            parser.parse(b, pos, b.length, true);
            assertEquals(whole, out, "cut at " + cut);
        }
        assertEquals(2, whole.size());
        assertEquals(12 * 1024, whole.get(1).counters().swap());
        assertEquals(4 * 1024, whole.get(0).counters().privateDirty());
    }
}
