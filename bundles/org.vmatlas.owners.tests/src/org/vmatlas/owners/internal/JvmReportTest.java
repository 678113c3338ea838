package org.vmatlas.owners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code jcmd}'s answers as HotSpot 25 prints them, for each collector's shape of {@code GC.heap_info}. */
class JvmReportTest {

    @Test
    void g1PrintsOneHeapLine() {
        List<JvmReport.Range> r = JvmReport.parse("""
                17263:
                garbage-first heap   total reserved 262144K, committed 262144K, used 12270K [0x00000000f0000000, 0x0000000100000000)
                 region size 1024K, 10 young (10240K), 2 survivors (2048K)
                CodeHeap 'non-profiled nmethods': size=120036Kb used=369Kb max_used=369Kb free=119666Kb
                 bounds [0x00007f6b0fec7000, 0x00007f6b10137000, 0x00007f6b17400000]
                """);
        assertEquals(List.of(new JvmReport.Range(0xf0000000L, 0x100000000L, "Java heap"),
                new JvmReport.Range(0x7f6b0fec7000L, 0x7f6b17400000L, "code cache")), r);
    }

    @Test
    void serialPrintsGenerationsWhoseUnionIsTheHeap() {
        List<JvmReport.Range> r = JvmReport.parse("""
                DefNew     total 19648K, used 7368K [0x00000000f8000000, 0x00000000f9550000, 0x00000000faaa0000)
                 eden space 17472K,  29% used [0x00000000f8000000, 0x00000000f85122e0, 0x00000000f9110000)
                Tenured    total 43712K, used 2343K [0x00000000faaa0000, 0x00000000fd550000, 0x0000000100000000)
                """);
        assertEquals(List.of(new JvmReport.Range(0xf8000000L, 0x100000000L, "Java heap")), r);
    }

    @Test
    void systemMapWithNativeMemoryTrackingNamesEveryRange() {
        List<JvmReport.Range> r = JvmReport.parse("""
                0x0000000011000000-0x0000000011030000       196608 rw-p       139264            0 4K   com              CLASS                                 -
                0x00007f054c000000-0x00007f054c1b0000      1773568 rw-p      1736704            0 4K   com              META                                  -
                0x0000562220be9000-0x0000562220bea000         4096 r--p         4096            0 4K   com              -                                     /usr/bin/java
                """);
        assertEquals(2, r.size());
        assertEquals("class space", r.get(0).purpose());
        assertEquals("metaspace", r.get(1).purpose());
        assertTrue(JvmReport.parse("ZHeap            used 28M, capacity 128M, max capacity 128M\n").isEmpty(),
                "ZGC prints no range: the layout has to do");
    }
}
