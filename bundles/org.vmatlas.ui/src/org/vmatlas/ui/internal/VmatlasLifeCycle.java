package org.vmatlas.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/**
 * Puts the workbench's shared moment into the application context and, once the window is up,
 * starts the built-in demo (unless {@code -nodemo} is given).
 */
public class VmatlasLifeCycle {

    @PostContextCreate
    public void postContextCreate(IEclipseContext context, IEventBroker events) {
        context.set(WorkbenchMoment.class, new WorkbenchMoment());
        VmatlasPreferences.applyColours();
        boolean demo = demoWanted(Platform.args());
        events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, event -> {
            StartupReport.windowUp();
            RegionModelService models = context.get(RegionModelService.class);
            if (demo && models != null) {
                new DemoJob(models, VmatlasPreferences.demoPaceMillis()).schedule(100);
            }
        });
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
