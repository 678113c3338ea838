package org.vmatlas.ui.internal.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;

/** The changes dialog tells what a stretch of time did. */
class ChangesDialogTest {

    private static final long MIB = 1L << 20;
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

    @Test
    void changesBetweenMomentsListRemovedAndAddedRegions() {
        long base = SimulatedSessions.BASE;
        SimulatedSessions.map(session, base, 4 * MIB, Prot.RW, "data");
        session.apply(new Call.Mprotect(base, MIB, Prot.READ));
        String text = ChangesDialog.describe(session.timeline(), 0, 1);
        assertTrue(text.startsWith("1 region(s) gone, 2 region(s) new"), text);
        assertTrue(text.contains("- ") && text.contains("+ "), text);
        assertTrue(ChangesDialog.describe(session.timeline(), 1, 1).startsWith("No region changed"));
    }
}
