package org.vmatlas.ui.internal.frag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.render.frag.HoleStats;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

class FragmentationPartTest {

    private Shell shell;
    private RegionModelService models;
    private Session session;
    private FragmentationPart part;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        SimulatedSessions.mapCycle(session, 20, 1);
        SimulatedSessions.map(session, SimulatedSessions.BASE + 200 * SimulatedSessions.PAGE, SimulatedSessions.PAGE,
                org.vmatlas.syscall.Prot.READ, null);
        part = new FragmentationPart(models, new WorkbenchMoment());
        part.create(shell);
        shell.setSize(800, 600);
        shell.open();
        part.refresh();
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        models.close(session);
    }

    @Test
    void showsLargestHoleHistogramAndMapCount() {
        HoleStats stats = HoleStats.forSession(session.space(), session.arena());
        assertTrue(part.largestText().startsWith(NLS.bind(Messages.frag_largest.substring(0, 14), "")), part.largestText());
        assertTrue(part.largestText().contains(RegionText.size(stats.largest().length())), part.largestText());
        assertEquals(stats.lastBucket() - stats.firstBucket() + 1, part.holeChart().bars());
        int count = session.space().kernelMapCount();
        int limit = session.mapCountLimit();
        assertEquals(NLS.bind(Messages.frag_mapCount, new Object[] { count, limit, FragmentationPart.percent(count, limit) }),
                part.mapCountText());
        assertEquals(limit, part.mapCountBar().getMaximum());
        assertEquals(Math.min(count, limit), part.mapCountBar().getSelection());
        assertEquals(FragmentationPart.warns(count, limit), part.mapCountRed());
        UiTestSupport.captureShell(shell, "fragmentation-part.png");
    }

    @Test
    void warningStartsAboveNinetyPercent() {
        assertFalse(FragmentationPart.warns(90, 100));
        assertTrue(FragmentationPart.warns(91, 100));
        assertFalse(FragmentationPart.warns(58977, 65530));
        assertTrue(FragmentationPart.warns(58978, 65530));
        assertEquals(90, FragmentationPart.percent(58977, 65530));
    }
}
