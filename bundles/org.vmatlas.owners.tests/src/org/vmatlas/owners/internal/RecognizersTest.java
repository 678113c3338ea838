package org.vmatlas.owners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.Recognizer;

/** The runtimes' recognizers on layouts written down from real processes (a threaded glibc program, a Go program). */
class RecognizersTest {

    private static List<String> owners(String maps, Recognizer... recognizers) {
        Classification c = new ClassifierCore().classify(Fixtures.observed(maps, 0).space().regions(),
                OptionalLong.empty(), List.of(recognizers), false, null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.type(i) + " " + c.owner(i).label());
        }
        return out;
    }

    @Test
    void glibcArenasAreAlignedReadWriteAndReservePairs() {
        String maps = """
                7f6ac8000000-7f6ac835f000 rw-p 00000000 00:00 0
                7f6ac835f000-7f6acc000000 ---p 00000000 00:00 0
                7f6acc000000-7f6ad0000000 rw-p 00000000 00:00 0
                7f6ad0100000-7f6ad0200000 rw-p 00000000 00:00 0
                7f6ad0200000-7f6ad4000000 ---p 00000000 00:00 0
                """;
        assertEquals(List.of("HEAP malloc arena", "HEAP malloc arena reserve", "HEAP malloc arena",
                "PRIVATE_DATA Private data", "RESERVED Reserved"), owners(maps, new GlibcArenaRecognizer()),
                "the last pair is not aligned to 64 MiB: no arena");
        assertEquals(List.of("PRIVATE_DATA Private data", "RESERVED Reserved", "PRIVATE_DATA Private data",
                "PRIVATE_DATA Private data", "RESERVED Reserved"), owners(maps), "without the recognizer, no heap");
    }

    @Test
    void goArenasStartAtTheFirstHint() {
        String maps = """
                00400000-00401000 r-xp 00000000 fe:00 11                                 /nonexistent/gobin
                c000000000-c000400000 rw-p 00000000 00:00 0
                c000400000-c004000000 ---p 00000000 00:00 0
                7f0000000000-7f0000100000 rw-p 00000000 00:00 0
                """;
        assertEquals(List.of("IMAGE gobin text", "HEAP Go heap", "HEAP Go heap reserve", "PRIVATE_DATA Private data"),
                owners(maps, new GoHeapRecognizer()));
        String notGo = maps.replace("c000000000-c000400000", "c000001000-c000400000");
        assertEquals("PRIVATE_DATA Private data", owners(notGo, new GoHeapRecognizer()).get(1),
                "nothing at the first hint itself: not taken for Go");
    }
}
