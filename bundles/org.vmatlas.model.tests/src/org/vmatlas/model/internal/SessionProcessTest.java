package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;

/** Which sessions follow a live process, and that a saved one no longer does. */
class SessionProcessTest {

    @Test
    void observedAndLiveReplaySessionsNameTheirProcessOthersNone(@TempDir Path dir) throws Exception {
        RegionModelServiceImpl models = new RegionModelServiceImpl();
        Session observed = models.openObservedSession("pid 4711: sleep", 4711);
        Session traced = models.openReplaySession("trace 4712", Personality.LINUX, 4712);
        assertEquals(OptionalLong.of(4711), observed.process());
        assertEquals(OptionalLong.of(4712), traced.process());
        assertTrue(models.openObservedSession("pid 1").process().isEmpty(), "no pid given, none assumed");
        assertTrue(models.openReplaySession("log", Personality.LINUX).process().isEmpty());
        Path file = dir.resolve("observed.vms");
        models.save(observed, file);
        assertTrue(Files.size(file) > 0);
        assertTrue(models.load(file).process().isEmpty(), "a process of the past is not followed again");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> models.openObservedSession("bad", 0));
        assertTrue(e.getMessage().contains("a process id is positive"), e.getMessage());
    }
}
