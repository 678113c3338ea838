package org.vmatlas.ui.internal.map;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.ui.internal.UiTestSupport;

/** What the map part's tests stand on: a 1200×600 shell and a simulated Linux session, made current, of the DS service. */
final class MapTestShell implements AutoCloseable {

    final Display display;
    final Shell shell;
    final RegionModelService models;
    final Session session;

    MapTestShell(String name) throws InterruptedException {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 600);
        models = UiTestSupport.modelService();
        session = models.openSession(name, Personality.LINUX.newKernel());
        models.setCurrent(session);
    }

    @Override
    public void close() {
        shell.dispose();
        models.close(session);
    }
}
