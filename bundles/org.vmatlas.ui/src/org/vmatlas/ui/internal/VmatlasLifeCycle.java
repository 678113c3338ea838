package org.vmatlas.ui.internal;

import java.nio.file.Path;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.TimelineStorage;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/**
 * Puts the workbench's shared moment into the application context, fits the window to the screen and,
 * once the window is up, starts the built-in demo (unless {@code -nodemo} is given).
 */
public class VmatlasLifeCycle {

    @PostContextCreate
    public void postContextCreate(IEclipseContext context, IEventBroker events) {
        context.set(WorkbenchMoment.class, new WorkbenchMoment());
        keepTimelinesInWorkspace();
        VmatlasPreferences.applyColours();
        boolean demo = demoWanted(Platform.args());
        events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            StartupReport.windowUp();
            layOutAgain(Display.getCurrent());
            RegionModelService models = context.get(RegionModelService.class);
            if (demo && models != null) {
                new DemoJob(models, VmatlasPreferences.demoPaceMillis()).schedule(100);
            }
        });
    }

    /**
     * The model's window is 1500×900: on a smaller screen (1366×768) it would hang below the screen's edge,
     * its status line and the lower half of every part out of reach. It is made to fit the screen it opens on.
     */
    @ProcessAdditions
    public void fitWindows(MApplication application) {
        Display display = Display.getCurrent();
        if (display == null) {
            return;
        }
        WindowFit.fitDialogs(display);
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        for (MWindow window : application.getChildren()) {
            Rectangle fitted = WindowFit.fit(new Rectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight()), screen);
            window.setX(fitted.x);
            window.setY(fitted.y);
            window.setWidth(fitted.width);
            window.setHeight(fitted.height);
        }
    }

    /**
     * The bottom trim (the status line) is rendered after the window's first layout, which leaves it no
     * room until the window is resized: once all is rendered, the windows are laid out again.
     */
    private static void layOutAgain(Display display) {
        if (display == null) {
            return;
        }
        display.asyncExec(() -> {
            for (Shell shell : display.getShells()) {
                if (shell.isVisible()) {
                    shell.layout(true, true);
                }
            }
        });
    }

    /**
     * Long timelines write their older events to a file: in the workspace's metadata, beside the rest of
     * what the workbench keeps, rather than in /tmp (often a small tmpfs, in memory).
     */
    static void keepTimelinesInWorkspace() {
        Path folder = WorkspaceFolders.of("org.vmatlas.model", "timelines");
        if (folder != null && System.getProperty(TimelineStorage.DIRECTORY_PROPERTY) == null) {
            System.setProperty(TimelineStorage.DIRECTORY_PROPERTY, folder.toString());
        }
    }

    static boolean demoWanted(String[] args) {
        for (String arg : args) {
            if ("-nodemo".equals(arg)) {
                return false;
            }
        }
        return true;
    }

    /** The application's arguments, without a dependency on the 3.x runtime. */
    static final class Platform {
        static String[] args() {
            String commands = System.getProperty("eclipse.commands", "");
            return commands.split("\n");
        }
    }
}
