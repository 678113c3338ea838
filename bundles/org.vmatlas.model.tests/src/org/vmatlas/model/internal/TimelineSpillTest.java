package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.TimelineStorage;
import org.vmatlas.model.sim.Personality;

/** A timeline whose sealed segments go to disk reads back exactly what one kept in memory holds. */
class TimelineSpillTest {

    private static final int SEGMENT = 2 * TimelineLog.INTERVAL;

    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void spillIntoTheTestsFolder() {
        before = System.getProperty(SpillFile.DIRECTORY_PROPERTY);
        System.setProperty(SpillFile.DIRECTORY_PROPERTY, dir.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(SpillFile.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(SpillFile.DIRECTORY_PROPERTY, before);
        }
    }

    private static SessionImpl session(String name, boolean spill) {
        return session(name, spill ? 0 : Long.MAX_VALUE);
    }

    private static SessionImpl session(String name, long budget) {
        return new SessionImpl(name, Personality.LINUX.newKernel(), Personality.LINUX, 65530, x -> { },
                new TimelineLog(name, SEGMENT, budget));
    }

    /** The events as the session answered them, before any was written out. */
    private static List<Event> run(SessionImpl session, List<Call> calls) {
        List<Event> answered = new ArrayList<>();
        for (Call c : calls) {
            answered.add(session.apply(c));
        }
        return answered;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static String describe(Event e) {
        return e.sequence() + " " + e.timeNanos() + " " + e.source() + " " + e.describe() + " " + e.removed() + " "
                + e.added() + " " + e.conflicts() + " " + e.notes();
    }

    @Test
    void spilledEventsAndSeeksEqualThoseKeptInMemory() throws Exception {
        List<Call> calls = TimelineTest.randomCalls(5 * SEGMENT + 300, 17);
        SessionImpl spilled = session("spilled", true);
        SessionImpl kept = session("kept", false);
        List<Event> answered = run(spilled, calls);
        run(kept, calls);
        Timeline a = spilled.timeline();
        Timeline b = kept.timeline();
        await("the sealed segments are written", () -> a.storage().diskBytes() > 0
                && spilled.timeline().storage().heapBytes() < kept.timeline().storage().heapBytes() / 2);
        TimelineStorage storage = a.storage();
        assertNotNull(storage.file());
        assertTrue(storage.file().startsWith(dir.toString()), storage.file());
        assertNull(storage.problem());
        Random random = new Random(5);
        List<Integer> points = new ArrayList<>(List.of(-1, 0, SEGMENT - 1, SEGMENT, SEGMENT + 1,
                3 * SEGMENT - 700, calls.size() - 1));
        for (int k = 0; k < 40; k++) {
            points.add(random.nextInt(calls.size()));
        }
        for (int i : points) {
            assertEquals(TimelineTest.layout(b.spaceAfter(i)), TimelineTest.layout(a.spaceAfter(i)), "after event " + i);
            if (i >= 0) {
                assertEquals(describe(answered.get(i)), describe(a.event(i)), "event " + i);
            }
        }
        long withConflicts = answered.subList(0, SEGMENT).stream().filter(e -> !e.conflicts().isEmpty()).count();
        assertTrue(withConflicts > 10, "the first, written segment has events with conflicts: " + withConflicts);
        for (int i = 0; i < calls.size(); i += 7) {
            assertEquals(describe(answered.get(i)), describe(a.event(i)), "event " + i);
        }
        String file = storage.file();
        assertFalse(Files.exists(Path.of(file)), "the file has no name once open");
        assertTrue(openHere(file), "vmatlas holds " + file + " open");
        spilled.dispose();
        // a part still painting the closed session reads it a moment longer
        assertEquals(describe(answered.get(3)), describe(a.event(3)), "event 3 right after the close");
        await("closing the session lets go of " + file, () -> !openHere(file));
    }

    @Test
    void heapStaysBoundedWhileTheTimelineGrows() throws Exception {
        SessionImpl kept = session("kept", false);
        run(kept, TimelineTest.randomCalls(10 * SEGMENT, 0));
        long perSegment = kept.timeline().storage().heapBytes() / 10;
        SessionImpl spilled = session("long", true);
        for (int round = 0; round < 4; round++) {
            run(spilled, TimelineTest.randomCalls(10 * SEGMENT, round));
            // the growing segment, those waiting to be written and those read back: a few, whatever the length
            await("round " + round + ": the heap comes back under 4 segments' worth (" + perSegment + " bytes each)",
                    () -> spilled.timeline().storage().heapBytes() <= 4 * perSegment);
        }
        assertEquals(40 * SEGMENT, spilled.timeline().size());
        assertTrue(spilled.timeline().storage().diskBytes() > 0);
        spilled.dispose();
    }

    @Test
    void theNewestSegmentsStayInMemoryUpToTheBudget() throws Exception {
        List<Call> calls = TimelineTest.randomCalls(10 * SEGMENT, 31);
        SessionImpl kept = session("kept", false);
        run(kept, calls);
        long perSegment = kept.timeline().storage().heapBytes() / 10;
        SessionImpl budgeted = session("budgeted", 3 * perSegment);
        List<Event> answered = run(budgeted, calls);
        await("the oldest segments are written", () -> budgeted.timeline().storage().diskBytes() > 0
                && budgeted.timeline().storage().heapBytes() <= 5 * perSegment);
        long heap = budgeted.timeline().storage().heapBytes();
        assertTrue(heap >= 2 * perSegment, "the newest sealed segments stay in memory: " + heap + " bytes, "
                + perSegment + " a segment");
        for (int i = 0; i < calls.size(); i += 13) {
            assertEquals(describe(answered.get(i)), describe(budgeted.timeline().event(i)), "event " + i);
        }
        budgeted.dispose();
    }

    @Test
    void anUnwritableDirectoryKeepsEveryEventInMemoryAndSaysWhy() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        System.setProperty(SpillFile.DIRECTORY_PROPERTY, notADirectory.resolve("timelines").toString());
        List<Call> calls = TimelineTest.randomCalls(3 * SEGMENT, 23);
        SessionImpl spilled = session("refused", true);
        List<Event> answered = run(spilled, calls);
        await("the refusal is reported", () -> spilled.timeline().storage().problem() != null);
        String problem = spilled.timeline().storage().problem();
        assertTrue(problem.contains("plain-file"), problem);
        for (int i = 0; i < calls.size(); i += 31) {
            assertEquals(describe(answered.get(i)), describe(spilled.timeline().event(i)), "event " + i);
        }
        spilled.dispose();
    }

    /** Whether this process has {@code file} open, as the kernel shows it in {@code /proc/self/fd}. */
    private static boolean openHere(String file) {
        try (var links = Files.list(Path.of("/proc/self/fd"))) {
            return links.anyMatch(link -> {
                try {
                    return Files.readSymbolicLink(link).toString().startsWith(file);
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
