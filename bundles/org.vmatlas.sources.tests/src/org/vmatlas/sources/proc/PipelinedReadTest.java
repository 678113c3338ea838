package org.vmatlas.sources.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.syscall.Mapping;

/**
 * Large files are parsed on another thread while they are read (after a first large reading): the
 * result must be the same as parsing after reading, line for line, problems included.
 */
class PipelinedReadTest {

    @TempDir
    Path proc;

    @Test
    void aLargeMapsFileGivesTheSameMappingsReadTwice() throws Exception {
        StringBuilder maps = new StringBuilder();
        StringBuilder smaps = new StringBuilder();
        int n = 40_000;
        for (int i = 0; i < n; i++) {
            long start = 0x7f0000000000L + i * 0x2000L;
            String line = Long.toHexString(start) + "-" + Long.toHexString(start + 0x1000) + (i % 2 == 0 ? " r--p " : " rw-s ")
                    + String.format("%08x", i * 4096L) + " fd:01 " + (1000 + i % 7) + "      /usr/lib/lib number " + (i % 7) + ".so";
            maps.append(line).append('\n');
            smaps.append(line).append('\n').append("Size:                  4 kB\nRss:                   ")
                    .append(i % 5).append(" kB\nTHPeligible:           0\nVmFlags: rd mr mw me\n");
            if (i == 12_345) {
                maps.append("this line is broken\n");
            }
        }
        Files.createDirectories(proc.resolve("77"));
        Files.writeString(proc.resolve("77/maps"), maps);
        Files.writeString(proc.resolve("77/smaps"), smaps);
        assertTrue(maps.length() > 1 << 20);
        ProcReader reader = new ProcReader(proc);
        MapsSnapshot first = reader.maps(77).value();
        MapsSnapshot second = reader.maps(77).value();
        MapsSnapshot third = reader.maps(77).value();
        assertEquals(n, first.mappings().size());
        assertEquals(first.mappings(), second.mappings());
        assertEquals(first.mappings(), third.mappings());
        assertEquals(1, second.problems().size());
        assertEquals(12_347, second.problems().getFirst().line());
        Mapping last = second.mappings().getLast();
        assertEquals("/usr/lib/lib number " + ((n - 1) % 7) + ".so", last.path());

        List<SmapsEntry> s1 = reader.smaps(77).value();
        List<SmapsEntry> s2 = reader.smaps(77).value();
        assertEquals(n, s2.size());
        assertEquals(s1, s2);
        assertEquals(4 * 1024, s2.get(4).counters().rss());
        assertEquals(first.mappings(), s2.stream().map(SmapsEntry::mapping).toList());
    }
}
