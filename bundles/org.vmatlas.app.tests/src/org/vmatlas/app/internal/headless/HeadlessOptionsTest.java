package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeadlessOptionsTest {

    @Test
    void readsSourcePersonalityAndOutputs() throws HeadlessFailure {
        HeadlessOptions options = HeadlessOptions.parse("--headless", "--scenario", "go-heap-growth",
            "--personality", "AIX", "--out", "map.png", "--out", "regions.csv", "--events", "events.json");
        assertEquals(HeadlessOptions.Mode.RUN, options.mode());
        assertEquals(HeadlessOptions.Source.SCENARIO, options.source());
        assertEquals("aix", options.personality());
        assertEquals(List.of(Path.of("map.png"), Path.of("regions.csv")), options.outputs());
        assertEquals(Path.of("events.json"), options.events());
        assertEquals(1600, options.width());
    }

    @Test
    void helpAndListNeedNothingElse() throws HeadlessFailure {
        assertEquals(HeadlessOptions.Mode.HELP, HeadlessOptions.parse("--headless", "--help").mode());
        assertEquals(HeadlessOptions.Mode.LIST, HeadlessOptions.parse("--list").mode());
    }

    @Test
    void theHelpNamesEveryOptionAndTheExitStatuses() {
        String usage = HeadlessCommand.usage();
        for (String option : List.of("--scenario", "--strace", "--pid", "--seconds", "--personality", "--out", "--events",
                "--width", "--height", "--arena", "--list", "--help")) {
            assertTrue(usage.contains(option), option + " in\n" + usage);
        }
        assertTrue(usage.contains("Exit status"), usage);
        assertTrue(usage.startsWith("Usage: vmatlas --headless"), "one usage heading:\n" + usage);
        assertEquals(1, usage.split("Usage:", -1).length - 1, "one usage heading:\n" + usage);
        assertTrue(!usage.contains("--headless="), "the hidden --headless is not shown:\n" + usage);
    }
}
