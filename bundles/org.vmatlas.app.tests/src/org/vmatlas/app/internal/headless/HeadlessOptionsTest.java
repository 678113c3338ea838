package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeadlessOptionsTest {

    @Test
    void readsSourcePersonalityAndOutputs() {
        HeadlessOptions options = HeadlessOptions.parse(new String[] { "--headless", "--scenario", "go-heap-growth",
            "--personality", "AIX", "--out", "map.png", "--out", "regions.csv", "--events", "events.json" });
        assertEquals(HeadlessOptions.Source.SCENARIO, options.source());
        assertEquals("aix", options.personality());
        assertEquals(List.of(Path.of("map.png"), Path.of("regions.csv")), options.outputs());
        assertEquals(Path.of("events.json"), options.events());
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] { "--scenario", "x", "--out", "map.bmp" })).getMessage().contains("map.bmp"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] { "--pid", "abc", "--out", "m.png" })).getMessage().contains("'abc'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] { "--out", "m.png" })).getMessage().contains("no source"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] { "--scenario", "x", "--personality", "solaris", "--out", "m.png" }))
                .getMessage().contains("solaris"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessOptions.parse(new String[] { "--scenario", "x", "--strace", "y", "--out", "m.png" }))
                .getMessage().contains("one source"));
    }
}
