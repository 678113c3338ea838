package org.vmatlas.render.export;

import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;

/** A simulated session whose regions and events exercise every export column and every escape. */
final class ExportSessions {

    static final String AWKWARD_LABEL = "heap, \"main\"\nline\\two\ttab\u0001 \u00e9\u2028";
    static final long BASE = SimulatedSessions.BASE;
    static final long PAGE = SimulatedSessions.PAGE;

    private ExportSessions() {
    }

    static Session build() {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, BASE, 4 * PAGE, Prot.RW, AWKWARD_LABEL);
        SimulatedSessions.map(session, BASE + 8 * PAGE, 2 * PAGE, Prot.RX, "code");
        session.apply(new Call.SysReserve(BASE + 64 * PAGE, 16 * PAGE, "go heap arena"));
        // a fixed mapping over live pages: a conflict; a munmap of a bad address: an errno
        SimulatedSessions.map(session, BASE + 2 * PAGE, PAGE, Prot.READ, null);
        session.apply(new Call.Munmap(BASE + 1, PAGE));
        Event fd = session.apply(new Call.MemfdCreate("jit"));
        int memfd = (int) fd.result().value();
        session.apply(new Call.Ftruncate(memfd, 2 * PAGE));
        int shared = MapFlags.SHARED | MapFlags.FIXED;
        session.apply(new Call.Mmap(BASE + 200 * PAGE, 2 * PAGE, Prot.RW, shared, memfd, 0, "jit (write view)"));
        session.apply(new Call.Mmap(BASE + 300 * PAGE, 2 * PAGE, Prot.RX, shared, memfd, 0, "jit (exec view)"));
        return session;
    }
}
