package org.vmatlas.sources.internal.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.syscall.Mapping;

/** A saved maps file whose lines are out of order or overlap is read up to the bad line, which is reported. */
class MapsOrderTest {

    @TempDir
    Path dir;

    private final List<Mapping> mappings = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();

    private void parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        new MapsParser().parse(b, b.length, "saved/maps", mappings, problems);
    }

    @Test
    void aLineBelowThePreviousOneIsReportedWithItsNumberAndText() {
        parse("""
                3000-4000 rw-p 00000000 00:00 0
                1000-2000 r--p 00000000 00:00 0
                5000-6000 rw-p 00000000 00:00 0
                """);
        assertEquals(List.of(0x3000L, 0x5000L), mappings.stream().map(Mapping::start).toList());
        assertEquals(1, problems.size());
        assertEquals(2, problems.getFirst().line());
        assertTrue(problems.getFirst().message().startsWith("saved/maps:2: out of order"), problems.toString());
        assertTrue(problems.getFirst().text().startsWith("1000-2000 r--p"));
    }

    @Test
    void anOverlappingLineIsReportedAndTheKernelHalfStaysAbove() {
        parse("""
                1000-3000 rw-p 00000000 00:00 0
                2000-4000 r--p 00000000 00:00 0
                7ffffffff000-8000000000000000 r--p 00000000 00:00 0
                ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0  [vsyscall]
                """);
        assertEquals(2, mappings.size(), problems.toString());
        assertTrue(problems.get(0).reason().startsWith("overlaps the line before"));
        assertEquals(3, problems.get(1).line());
        assertTrue(problems.get(1).reason().contains("crosses"), problems.get(1).reason());
    }

    @Test
    void aSavedCopyOutOfOrderLoadsIntoASession() throws Exception {
        Path file = dir.resolve("maps");
        Files.writeString(file, "3000-4000 rw-p 00000000 00:00 0\n1000-2000 r--p 00000000 00:00 0\n");
        MapsSnapshot snapshot = new ProcReader().mapsFile(file).value();
        assertEquals(1, snapshot.problems().size());
        Session session = new RegionModelServiceImpl().openObservedSession("saved");
        session.applySnapshot(snapshot.mappings(), "saved");
        assertEquals(1, session.space().regions().size());
    }
}
