package org.vmatlas.sources.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reading of a process's maps whose lines stay out of order, however often read again, is reported. */
class TornMapsTest {

    @TempDir
    Path proc;

    @Test
    void aReadingThatStaysOutOfOrderIsReportedOnce() throws Exception {
        Path maps = Files.createDirectories(proc.resolve("42")).resolve("maps");
        Files.writeString(maps, """
                7f0000000000-7f0000004000 rw-p 00000000 00:00 0
                7f0000002000-7f0000006000 rw-p 00000000 00:00 0
                """);
        MapsSnapshot snapshot = new ProcReader(proc).maps(42).value();
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
        assertTrue(snapshot.problems().getFirst().reason().startsWith("overlaps the line before"));
        assertEquals(1, snapshot.mappings().size(), "the line before is kept");
    }
}
