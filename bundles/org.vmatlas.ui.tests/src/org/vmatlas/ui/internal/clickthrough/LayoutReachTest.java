package org.vmatlas.ui.internal.clickthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * Every control of every part can be reached in the default layout, on a laptop's 1366×768 and on a
 * 1920×1080 screen: each part, given the client area its stack has there, keeps its controls inside it or
 * inside a scrolled area, with room of their own and their table columns on screen. Keeps a screenshot of
 * each part at each size under target/screenshots.
 */
class LayoutReachTest {

    private final Display display = Display.getDefault();
    private RegionModelService models;
    private Session session;
    private Shell shell;

    @TempDir
    Path dir;

    @BeforeEach
    void open() throws Exception {
        models = UiTestSupport.modelService();
        session = SimulatedSessions.linux(models);
        SimulatedSessions.mapCycle(session, 40, 3);
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        models.close(session);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({ "1366, 768", "1920, 1080" })
    void everyControlOfEveryPartIsReachable(int width, int height) throws Throwable {
        List<String> unreachable = new ArrayList<>();
        NativeStderr stderr = new NativeStderr(dir.resolve("stderr.txt"));
        for (Map.Entry<String, Rectangle> part : ApplicationModel.read().parts(width, height).entrySet()) {
            Rectangle area = part.getValue();
            NativeStderr.mark(part.getKey() + " at " + width + "x" + height);
            shell = new Shell(display, SWT.NO_TRIM);
            shell.setLayout(new FillLayout());
            shell.setBounds(0, 0, area.width, area.height);
            // opened first, as the workbench shows a stack before it renders a part into it
            shell.open();
            Composite parent = new Composite(shell, SWT.NONE);
            // sized before the part fills it, as a part stack's client area is
            parent.setBounds(shell.getClientArea());
            IEclipseContext context = EclipseContextFactory.create("layout");
            context.set(RegionModelService.class, models);
            context.set(WorkbenchMoment.class, new WorkbenchMoment());
            context.set(ESelectionService.class, (ESelectionService) java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] { ESelectionService.class }, (p, m, a) -> null));
            context.set(Composite.class, parent);
            ContextInjectionFactory.make(Class.forName(part.getKey(), true, getClass().getClassLoader()), context);
            shell.layout(true, true);
            String name = part.getKey().substring(part.getKey().lastIndexOf('.') + 1);
            // the timeline builds its chart a moment after it opens; captureShell also lets it lay out
            UiTestSupport.captureShell(shell, "layout-" + width + "x" + height + "-" + name + ".png");
            settle(700);
            UiTestSupport.captureShell(shell, "layout-" + width + "x" + height + "-" + name + ".png");
            unreachable.addAll(Reach.unreachable(name + " at " + width + "x" + height, parent));
            shell.dispose();
            shell = null;
        }
        stderr.close();
        unreachable.addAll(stderr.criticals());
        assertEquals(List.of(), unreachable);
    }

    private void settle(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }
}
