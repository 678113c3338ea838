package org.vmatlas.owners.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.KernelSpec;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.owners.Classification;
import org.vmatlas.owners.PageProbe;
import org.vmatlas.owners.PageStates;
import org.vmatlas.owners.Residency;
import org.vmatlas.owners.Services;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/** The sandbox's residency from {@code mincore}: populated pages are resident, untouched ones are not. */
class SandboxResidencyTest {

    private static final long PAGE = 4096;

    @Test
    void mincoreTellsResidentPages() {
        RegionModelService models = SimulatedSessions.service();
        OpenedSession opened = models.open("residency", new KernelSpec.NativeSandbox(64L << 20));
        assertTrue(opened.isOpen(), opened.reason());
        Session session = opened.session();
        try {
            Event populated = session.apply(new Call.Mmap(0, 8 * PAGE, Prot.RW,
                    MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.POPULATE, -1, 0, "populated"));
            Event untouched = session.apply(new Call.Mmap(0, 4 * PAGE, Prot.RW,
                    MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0, "untouched"));
            long a = populated.result().value();
            long b = untouched.result().value();
            Classification c = Services.classifier().classify(session, true);
            assertTrue(c.hasResidency());
            assertEquals(Residency.residentOnly(8 * PAGE), c.residency(c.indexAt(a)));
            assertEquals(0, c.residency(c.indexAt(b)).rss());
            assertEquals(Residency.UNKNOWN_BYTES, c.residency(c.indexAt(a)).pss(), "mincore knows no shares");
            PageStates pages = Services.service(PageProbe.class).pages(session, a, a + 8 * PAGE);
            assertTrue(pages.isKnown(), pages.reason());
            assertEquals(8, pages.count(PageStates.PRESENT));
            assertEquals(0, Services.service(PageProbe.class).pages(session, b, b + 4 * PAGE).count(PageStates.PRESENT));
        } finally {
            models.close(session);
        }
    }
}
