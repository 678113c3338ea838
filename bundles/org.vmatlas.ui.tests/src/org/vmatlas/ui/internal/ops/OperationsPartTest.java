package org.vmatlas.ui.internal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Preview;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiTestSupport;

class OperationsPartTest {

    private static final int FIXED_ANON = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED;
    private Shell shell;
    private RegionModelService models;
    private Session session;
    private OperationsPart part;
    private MmapForm mmap;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        part = new OperationsPart(models);
        part.create(shell);
        shell.setSize(900, 700);
        shell.open();
        mmap = part.form(MmapForm.class, 0);
        part.selectForm(0);
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        models.sessions().forEach(models::close);
    }

    @Test
    void previewFollowsTheFormAndRunApplies() {
        mmap.set("0x20000000", "2M", Prot.RW, FIXED_ANON);
        part.updatePreview();
        Preview expected = session.preview(new Call.Mmap(0x20000000L, 2L << 20, Prot.RW, FIXED_ANON, -1, 0, null));
        assertEquals(session.space().kernelMapCount() + 1, expected.mapCountAfter());
        assertTrue(part.previewText().contains(NLS.bind(Messages.ops_previewMapCount, expected.mapCountAfter(),
                session.mapCountLimit())), part.previewText());
        assertTrue(part.previewText().startsWith(expected.summary()), part.previewText());
        assertEquals("", part.conflictText());
        int before = session.timeline().size();
        part.runCall();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> part.resultText().startsWith("#"), 5000, "the run's result");
        assertEquals(before + 1, session.timeline().size());
        Region region = session.space().regionAt(0x20000000L + 4096);
        assertNotNull(region);
        assertEquals(Prot.RW, region.prot());
        assertEquals(2L << 20, region.length());
    }

    @Test
    void replacingLivePagesShowsTheConflict() {
        SimulatedSessions.map(session, 0x20000000L, 4L << 20, Prot.READ, "live");
        mmap.set("0x20100000", "1M", Prot.RW, FIXED_ANON);
        part.updatePreview();
        Preview expected = session.preview(new Call.Mmap(0x20100000L, 1L << 20, Prot.RW, FIXED_ANON, -1, 0, null));
        assertFalse(expected.conflicts().isEmpty(), "a fixed mapping over live pages is a conflict");
        assertEquals(PreviewText.of(expected, session.mapCountLimit()).conflicts(), part.conflictText());
        assertTrue(part.previewText().contains(NLS.bind(Messages.ops_previewEvicted, new Object[] {
            expected.evictedPages(), expected.evicted().size(), expected.regionsSplit() })), part.previewText());
        UiTestSupport.captureShell(shell, "operations-part.png");
    }

    @Test
    void unreadableFieldIsExplainedAndNothingRuns() {
        mmap.set("arena+1M", "2M", Prot.RW, FIXED_ANON);
        part.updatePreview();
        assertTrue(part.conflictText().contains("'arena' is known only in a native sandbox session"), part.conflictText());
        int before = session.timeline().size();
        part.runCall();
        assertEquals(before, session.timeline().size());
        assertTrue(part.resultText().contains("'arena'"), part.resultText());
    }

    @Test
    void newSessionOnASimulatedPersonalityBecomesCurrent() {
        part.chooser().choose(KernelChoice.AIX);
        Session opened = part.chooser().openSession();
        assertSame(opened, models.current());
        assertEquals(Personality.AIX, opened.personality());
        assertTrue(part.chooser().messageText().contains(opened.name()));
    }

    @Test
    void nativeSessionKnowsTheArena() {
        part.chooser().choose(KernelChoice.NATIVE);
        Session opened = part.chooser().openSession();
        assertNotNull(opened, part.chooser().messageText());
        try {
            Sandbox sandbox = assertInstanceOf(Sandbox.class, opened.kernel());
            mmap.set("arena+16M", "64K", Prot.RW, FIXED_ANON);
            part.updatePreview();
            assertEquals("", part.conflictText());
            part.runCall();
            UiTestSupport.waitUntil(shell.getDisplay(), () -> part.resultText().startsWith("#"), 5000, "the run's result");
            assertNotNull(opened.space().regionAt(sandbox.arenaStart() + (16L << 20)), part.resultText());
        } finally {
            models.close(opened);
            opened.kernel().close();
        }
    }

    @Test
    void aMemfdMappedTwiceFromTheFormsMakesADuplicatePair() {
        int created = 6;
        MemfdForm create = part.form(MemfdForm.class, created);
        part.selectForm(created);
        create.set("jit", null);
        long fd = runAndWait().result().value();
        part.selectForm(created + 1);
        part.form(MemfdForm.class, created + 1).set(Long.toString(fd), "64K");
        assertTrue(runAndWait().result().isOk());
        part.selectForm(0);
        int shared = MapFlags.SHARED | MapFlags.FIXED;
        mmap.set("0x30000000", "64K", Prot.RW, shared);
        mmap.setFile(Long.toString(fd), "0");
        assertTrue(runAndWait().result().isOk());
        mmap.set("0x30100000", "64K", Prot.READ | Prot.EXEC, shared);
        assertTrue(runAndWait().result().isOk());
        assertEquals(1, session.space().duplicateGroups().size(), "the RW and RX views share pages");
    }

    private org.vmatlas.model.Event runAndWait() {
        int before = session.timeline().size();
        part.runCall();
        UiTestSupport.waitUntil(shell.getDisplay(), () -> session.timeline().size() == before + 1, 5000, "the call to run");
        return session.timeline().event(before);
    }
}
