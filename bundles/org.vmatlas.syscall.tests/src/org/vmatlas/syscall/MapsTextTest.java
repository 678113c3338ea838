package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one maps parser: mappings, bad lines with their numbers, order, unsigned addresses, chunks. */
class MapsTextTest {

    private static final String TEXT = """
            00400000-00452000 r-xp 00000000 fd:01 1234   /usr/bin/prog
            zz-3000 r--p 0 00:00 0

            7f0000000000-7f0000002000 rw-p 00000000 00:00 0
            7f0000001000-7f0000003000 rw-p 00000000 00:00 0
            00500000-00501000 rw-p 00000000 00:00 0
            ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
            """;

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();
    private final MapsText parser = new MapsText(new MapsText.Lines() {
        @Override
        public void mapping(Mapping mapping) {
            mappings.add(mapping);
        }

        @Override
        public void bad(long number, String text, String reason) {
            bad.add(number + " " + text + " | " + reason);
        }
    });

    @Test
    void keepsGoodLinesAndNamesTheBadOnes() {
        byte[] b = TEXT.getBytes(StandardCharsets.UTF_8);
        parser.parseAll(b, b.length);
        assertEquals(List.of(0x400000L, 0x7f0000000000L, 0xffffffffff600000L),
                mappings.stream().map(Mapping::start).toList());
        assertEquals("[vsyscall]", mappings.get(2).path());
        assertEquals(Prot.EXEC, mappings.get(2).prot());
        assertEquals(MapsLineParser.device(0xfd, 1), mappings.get(0).device());
        assertEquals(3, bad.size(), bad::toString);
        assertTrue(bad.get(0).startsWith("2 zz-3000 r--p 0 00:00 0 | no start address"), bad.get(0));
        assertTrue(bad.get(1).startsWith("5 7f0000001000-7f0000003000") && bad.get(1).contains("overlaps the line before"),
                bad.get(1));
        assertTrue(bad.get(2).startsWith("6 00500000-00501000") && bad.get(2).contains("out of order"), bad.get(2));
    }

    @Test
    void chunksGiveWhatTheWholeFileGives() {
        byte[] b = TEXT.getBytes(StandardCharsets.UTF_8);
        parser.parseAll(b, b.length);
        List<Mapping> whole = List.copyOf(mappings);
        List<String> wholeBad = List.copyOf(bad);
        for (int step = 1; step < b.length; step += 7) {
            mappings.clear();
            bad.clear();
            MapsText chunked = new MapsText(new MapsText.Lines() {
                @Override
                public void mapping(Mapping mapping) {
                    mappings.add(mapping);
                }

                @Override
                public void bad(long number, String text, String reason) {
                    bad.add(number + " " + text + " | " + reason);
                }
            });
            int pos = 0;
            for (int available = step; ; available = Math.min(b.length, available + step)) {
                boolean last = available == b.length;
                pos = chunked.parse(b, pos, available, last);
                if (last) {
                    break;
                }
            }
            assertEquals(whole, mappings, "chunks of " + step);
            assertEquals(wholeBad, bad, "chunks of " + step);
        }
    }
}
