package org.vmatlas.sources.internal.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.proc.SmapsEntry;

class SmapsParserTest {

    private static final String TWO = """
            1000-3000 rw-p 00000000 00:00 0                          [heap]
            Size:                  8 kB
            Rss:                   8 kB
            Pss:                   4 kB
            Pss_Dirty:             4 kB
            Shared_Clean:          1 kB
            Shared_Dirty:          2 kB
            Private_Clean:         3 kB
            Private_Dirty:         5 kB
            Swap:                  6 kB
            SwapPss:               9 kB
            AnonHugePages:         7 kB
            THPeligible:           1
            VmFlags: rd wr mr mw me ac sd
            5000-6000 r--p 00001000 08:01 42                         /lib/a b.so
            Size:                  4 kB
            Rss:                   oops
            THPeligible:           0
            """;

    @Test
    void readsTheFiguresOfEachRegionInBytes() {
        List<SmapsEntry> out = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        byte[] b = TWO.getBytes(StandardCharsets.UTF_8);
        new SmapsParser(null).parse(b, b.length, "smaps", out, problems);
        assertEquals(2, out.size());
        var c = out.get(0).counters();
        assertEquals(8192, c.size());
        assertEquals(8192, c.rss());
        assertEquals(4096, c.pss());
        assertEquals(1024, c.sharedClean());
        assertEquals(2048, c.sharedDirty());
        assertEquals(3072, c.privateClean());
        assertEquals(5120, c.privateDirty());
        assertEquals(6144, c.swap());
        assertEquals(7168, c.anonHugePages());
        assertTrue(out.get(0).thpEligible());
        assertFalse(out.get(1).thpEligible());
        assertEquals("/lib/a b.so", out.get(1).mapping().path());
        assertEquals(1, problems.size());
        assertEquals(17, problems.getFirst().line());
    }

    @Test
    void skipsRegionsOutsideTheSelection() {
        List<SmapsEntry> out = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        byte[] b = TWO.getBytes(StandardCharsets.UTF_8);
        new SmapsParser(new long[] { 0x5800, 0x5801 }).parse(b, b.length, "smaps", out, problems);
        assertEquals(1, out.size());
        assertEquals(0x5000, out.getFirst().mapping().start());
        assertEquals(1, problems.size(), "the bad Rss line is in the selected region");
        out.clear();
        problems.clear();
        new SmapsParser(new long[] { 0x1000, 0x1001 }).parse(b, b.length, "smaps", out, problems);
        assertEquals(1, out.size());
        assertTrue(problems.isEmpty(), "lines of unselected regions are not read");
    }

    @Test
    void aFieldNameCutAtTheEndOfTheFileIsNoField() {
        for (String cut : new String[] {"Private_", "Private", "Shared_Cl", "Rss", "AnonHuge"}) {
            byte[] b = ("1000-3000 rw-p 00000000 00:00 0\nSize: 8 kB\n" + cut).getBytes(StandardCharsets.UTF_8);
            List<SmapsEntry> out = new ArrayList<>();
            List<ParseProblem> problems = new ArrayList<>();
            new SmapsParser(null).parse(b, b.length, "cut/smaps", out, problems);
            assertEquals(1, out.size(), cut);
        }
    }
}
