package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.internal.RegionModelServiceImpl;

/**
 * Real programs start the way every program does: the loader's .bss zero-fills, HotSpot's stack guards and CDS
 * heap. None of it is a red MAP_FIXED mark any more; the patterns are named in the events' notes instead.
 */
class NoFalseAlarmTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = { "/bin/ls|-l|/", "/usr/bin/python3|-c|import threading; t = threading.Thread(target=print); t.start(); t.join()",
        "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java|-version" })
    void noFixedMappingOverLivePagesIsRed(String commandLine) throws Exception {
        Programs.assumePtrace();
        List<String> command = List.of(commandLine.split("\\|"));
        RegionModelServiceImpl models = new RegionModelServiceImpl();
        try (LiveTrace trace = LiveTrace.launch(command, dir, models, new TraceOptions(Duration.ZERO, false))) {
            trace.programOutput().readAllBytes();
            assertTrue(trace.awaitEnd(Duration.ofSeconds(60)), commandLine + " ended");
            assertTrue(trace.status().ended().endsWith("exited with 0"), trace.status().ended());
            int notes = 0;
            for (Session s : trace.sessions()) {
                for (int i = 0; i < s.timeline().size(); i++) {
                    Event e = s.timeline().event(i);
                    List<Conflict> fixed = e.conflicts().stream()
                            .filter(c -> c.kind() == ConflictKind.FIXED_REPLACED_LIVE).toList();
                    assertEquals(List.of(), fixed, s.name() + ": " + e.describe());
                    notes += e.notes().size();
                }
            }
            assertTrue(notes > 0, "the loader's zero-fill of libc's .bss is named: " + commandLine);
            assertEquals(1, trace.processes().size(), "threads share their process's session: " + trace.processes());
        }
    }
}
