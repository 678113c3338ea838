package org.vmatlas.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;

class SessionHandlersTest {

    private final RegionModelService models = SimulatedSessions.service();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        models.sessions().forEach(models::close);
    }

    private Session recorded() {
        Session session = SimulatedSessions.linux(models);
        SimulatedSessions.mapCycle(session, 12, 2);
        SimulatedSessions.map(session, SimulatedSessions.BASE + 8 * SimulatedSessions.PAGE, 3 * SimulatedSessions.PAGE,
                Prot.RW, "over");
        return session;
    }

    private static List<String> shape(Session session) {
        return session.space().regions().stream()
                .map(r -> Long.toHexString(r.start()) + "-" + Long.toHexString(r.end()) + " " + r.prot()).toList();
    }

    @Test
    void saveAndOpenGiveTheSameSession() {
        Session session = recorded();
        Path file = SaveSessionHandler.save(models, session, dir.resolve("s.vmatlas"));
        Session loaded = OpenSessionHandler.open(models, file);
        assertNotSame(session, loaded);
        assertEquals(session.timeline().size(), loaded.timeline().size());
        assertEquals(shape(session), shape(loaded));
        assertEquals(session.personality(), loaded.personality());
        List<String> labels = session.space().regions().stream().map(Region::label).toList();
        assertEquals(labels, loaded.space().regions().stream().map(Region::label).toList());
    }

    @Test
    void reopeningASavedSessionGivesADistinctName() {
        Session session = recorded();
        Path file = SaveSessionHandler.save(models, session, dir.resolve("s.vmatlas"));
        Session second = OpenSessionHandler.open(models, file);
        Session third = OpenSessionHandler.open(models, file);
        assertEquals(List.of(session.name(), session.name() + " (2)", session.name() + " (3)"),
                List.of(session.name(), second.name(), third.name()));
        models.close(second);
        assertEquals(session.name() + " (2)", OpenSessionHandler.open(models, file).name(), "a closed name is free again");
    }

    @Test
    void damagedFileIsExplainedAndLoadsNothing() throws Exception {
        Path file = SaveSessionHandler.save(models, recorded(), dir.resolve("s.vmatlas"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int middle = lines.size() / 2;
        lines.set(middle, lines.get(middle).replace(" ", "  x "));
        Files.write(file, lines, StandardCharsets.UTF_8);
        int before = models.sessions().size();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OpenSessionHandler.open(models, file));
        assertTrue(e.getMessage().contains("Nothing was loaded"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertEquals(before, models.sessions().size());
    }

    @Test
    void savingIntoAMissingFolderSaysWhere() {
        Path file = dir.resolve("no/such/folder/s.vmatlas");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SaveSessionHandler.save(models, recorded(), file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
