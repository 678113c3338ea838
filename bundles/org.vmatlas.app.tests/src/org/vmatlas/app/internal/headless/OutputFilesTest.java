package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All outputs or none: a run that fails halfway leaves neither its finished outputs nor temporary files. */
class OutputFilesTest {

    @Test
    void aRunThatFailsHalfwayLeavesNothing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("map.svg"), "the previous run's map");
        try (OutputFiles files = new OutputFiles()) {
            try (OutputStream out = files.create(dir.resolve("regions.csv"))) {
                out.write("start,end\n".getBytes());
            }
            try (OutputStream out = files.create(dir.resolve("map.svg"))) {
                out.write("<svg".getBytes());
            }
            assertEquals(List.of("map.svg"), names(dir).stream().filter(n -> !n.endsWith(".part")).toList(),
                    "nothing under its own name before the commit");
            // The run fails here: no commit.
        }
        assertEquals(List.of("map.svg"), names(dir));
        assertEquals("the previous run's map", Files.readString(dir.resolve("map.svg")));
    }

    @Test
    void aCommitRenamesEveryOutput(@TempDir Path dir) throws Exception {
        try (OutputFiles files = new OutputFiles()) {
            for (String name : List.of("a.csv", "b.json")) {
                try (OutputStream out = files.create(dir.resolve(name))) {
                    out.write(name.getBytes());
                }
            }
            files.commit();
        }
        assertEquals(List.of("a.csv", "b.json"), names(dir));
        assertEquals("b.json", Files.readString(dir.resolve("b.json")));
    }

    @Test
    void aFailedRenameTakesBackTheOnesAlreadyMade(@TempDir Path dir) throws Exception {
        try (OutputFiles files = new OutputFiles()) {
            files.create(dir.resolve("a.csv")).close();
            files.create(dir.resolve("b.png")).close();
            Files.createDirectories(dir.resolve("b.png").resolve("in-the-way"));
            HeadlessFailure failure = assertThrows(HeadlessFailure.class, files::commit);
            assertTrue(failure.getMessage().startsWith("cannot write " + dir.resolve("b.png") + ": "), failure.getMessage());
        }
        assertEquals(List.of("b.png"), names(dir), "only the directory that was in the way");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
