package org.vmatlas.owners.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.Classifications;
import org.vmatlas.owners.Fixtures;
import org.vmatlas.owners.OwnerComparison;
import org.vmatlas.owners.RegionType;
import org.vmatlas.owners.Residency;
import org.vmatlas.owners.TypeSummary;

/** The summary by type and the comparison by owner, on the fixture whose every region's type is known. */
class SummaryAndCompareTest {

    private static final long K = 1024;

    @Test
    void rowsSumTheirRegions() {
        Classification c = Classifications.of(Fixtures.observed(KernelNamesTest.MAPS, 0).space());
        TypeSummary summary = TypeSummary.of(c);
        TypeSummary.Row shared = summary.row(RegionType.SHARED_MEMORY);
        assertEquals(5, shared.regions(), "memfd, SysV, /dev/zero, /dev/shm, anon_shmem");
        assertEquals(20 * K, shared.size());
        TypeSummary.Row kernel = summary.row(RegionType.KERNEL);
        assertEquals(4, kernel.regions(), "vvar, vvar_vclock, vdso, vsyscall");
        assertEquals(8 * K + 4 * K + 8 * K + 4 * K, kernel.size());
        TypeSummary.Row reserved = summary.row(RegionType.RESERVED);
        assertEquals(256L << 20, reserved.size());
        assertEquals(0, reserved.committed(), "PROT_NONE is not committed");
        assertEquals(256L << 20, reserved.largest());
        TypeSummary.Row image = summary.row(RegionType.IMAGE);
        assertEquals(6, image.regions(), "five file mappings and the bss");
        assertEquals(Residency.UNKNOWN_BYTES, image.rss(), "not measured");
        long size = 0;
        int regions = 0;
        for (TypeSummary.Row row : summary.rows()) {
            size += row.size();
            regions += row.regions();
        }
        assertEquals(size, summary.total().size());
        assertEquals(c.size(), summary.total().regions());
        assertEquals("Total", summary.total().label());
    }

    @Test
    void comparisonGoesByOwnerNotByAddress() {
        String before = KernelNamesTest.MAPS;
        // the same process laid out elsewhere (another run): every address moved, the heap grew by 64 KiB
        String after = before.replace("7f00", "7e00").replace("55d000021000", "55d000031000");
        List<OwnerComparison.Change> changes = OwnerComparison.compare(
                Classifications.of(Fixtures.observed(before, 0).space()),
                Classifications.of(Fixtures.observed(after, 0).space()));
        List<String> lines = changes.stream().map(OwnerComparison.Change::describe).toList();
        assertTrue(lines.contains("[heap]: +64 KiB committed, +64 KiB size"), lines.toString());
        assertTrue(lines.contains("libfake.so.1 text: same"), lines.toString());
        assertTrue(lines.contains("memfd:jit code: same"), lines.toString());
        assertEquals(1, lines.stream().filter(l -> !l.endsWith(": same")).count(), lines.toString());
    }

    @Test
    void newThreadStacksAreCounted() {
        OwnerComparison.Change change = new OwnerComparison.Change(RegionType.STACK, "thread stacks",
                new OwnerComparison.Holding(8 << 20, 8 << 20, 1), new OwnerComparison.Holding(32 << 20, 32 << 20, 4));
        assertEquals("3 new thread stacks", change.describe());
    }
}
