package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/** A call the model recognises as a known pattern is named on the regions it made, for a while. */
class RecentNotesTest {

    private static final long MIB = 1L << 20;
    private static final long STACK = SimulatedSessions.BASE;
    private static final String GUARD = "guard pages of thread 4242's stack";
    private RegionModelService models;
    private Session session;

    @BeforeEach
    void open() {
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
    }

    @AfterEach
    void close() {
        models.close(session);
    }

    /** A thread's stack, then its guard pages mapped fixed over its bottom: a pattern, not a conflict. */
    private Event stackWithGuard() {
        SimulatedSessions.map(session, STACK, 8 * MIB, Prot.RW, "stack");
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        Event guard = session.apply(new Call.Mmap(STACK, 16 * SimulatedSessions.PAGE, Prot.NONE, fixed, -1, 0, GUARD));
        assertEquals(List.of(GUARD), guard.notes(), "the model names the pattern: " + guard.describe());
        assertEquals(List.of(), guard.conflicts(), "and raises no conflict");
        return guard;
    }

    @Test
    void theGuardRegionNamesItsPatternAndTheRestOfTheStackDoesNot() {
        stackWithGuard();
        SimulatedSessions.map(session, STACK + 64 * MIB, MIB, Prot.RW, "elsewhere");
        int now = session.timeline().size() - 1;
        RecentNotes notes = RecentNotes.upTo(session.timeline(), now);
        Region guard = session.space().regionAt(STACK);
        Region restOfStack = session.space().regionAt(STACK + 4 * MIB);
        Region elsewhere = session.space().regionAt(STACK + 64 * MIB);
        assertEquals(List.of(GUARD), notes.about(guard));
        assertEquals(List.of(), notes.about(restOfStack), "the stack above its guard only remains of the cut");
        assertEquals(List.of(), notes.about(elsewhere));
    }

    @Test
    void notesFadeOnceTheirEventLeavesTheWindow() {
        stackWithGuard();
        int guardEvent = session.timeline().size() - 1;
        for (int i = 0; i < RecentConflicts.WINDOW; i++) {
            SimulatedSessions.map(session, STACK + 64 * MIB + i * MIB, MIB, Prot.RW, "later " + i);
        }
        Region guard = session.space().regionAt(STACK);
        assertEquals(List.of(GUARD), RecentNotes.upTo(session.timeline(), guardEvent).about(guard),
                "at its own moment");
        assertEquals(List.of(), RecentNotes.upTo(session.timeline(), session.timeline().size() - 1).about(guard),
                RecentConflicts.WINDOW + " events later");
        assertEquals(List.of(), RecentNotes.upTo(session.timeline(), guardEvent - 1).about(guard), "before it happened");
    }

    @Test
    void longAndManyNotesAreFittedToTwoLines() {
        String longNote = "x".repeat(200);
        assertEquals(RecentNotes.MAX_CHARS, RecentNotes.fitted(longNote, RecentNotes.MAX_CHARS).length());
        assertTrue(RecentNotes.fitted(longNote, RecentNotes.MAX_CHARS).endsWith("\u2026"));
        assertEquals("short", RecentNotes.fitted("short", RecentNotes.MAX_CHARS));
        int fixed = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
        for (int t = 0; t < 4; t++) {
            long stack = STACK + t * 16 * MIB;
            SimulatedSessions.map(session, stack, 8 * MIB, Prot.RW, "stack " + t);
        }
        // four threads' guards, each its own call: a range over all four stacks meets four notes
        Region region = null;
        for (int t = 0; t < 4; t++) {
            long stack = STACK + t * 16 * MIB;
            session.apply(new Call.Mmap(stack, 16 * SimulatedSessions.PAGE, Prot.NONE, fixed, -1, 0,
                    "guard pages of thread " + (100 + t) + "'s stack"));
            region = session.space().regionAt(stack);
        }
        RecentNotes notes = RecentNotes.upTo(session.timeline(), session.timeline().size() - 1);
        assertEquals(List.of("guard pages of thread 103's stack"), notes.about(region));
        Region all = new Region(STACK, STACK + 64 * MIB, Prot.RW, Prot.RWX, false, region.backing(), region.state(),
                true, null);
        List<String> lines = notes.about(all);
        assertEquals(RecentNotes.MAX_LINES, lines.size(), "at most two lines: " + lines);
        assertEquals("guard pages of thread 103's stack", lines.get(0), "the latest first");
        assertEquals("guard pages of thread 102's stack (+2 more)", lines.get(1));
    }
}
