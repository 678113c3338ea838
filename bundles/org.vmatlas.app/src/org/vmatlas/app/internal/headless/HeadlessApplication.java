package org.vmatlas.app.internal.headless;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;

/**
 * {@code vmatlas --headless}: renders a scenario, an strace log or a live process to PNG, SVG, CSV or
 * JSON without a window, for labs, documentation and CI. Returns the exit status as an {@link Integer},
 * which Equinox hands to {@code System.exit}: 0 on success, 1 on bad input, 2 on an internal error
 * ({@link HeadlessMain}). {@link #stop} cancels a run in progress; it then writes nothing.
 */
public class HeadlessApplication implements IApplication {

    private volatile boolean stopped;

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        return new HeadlessMain(HeadlessApplication::modelService, System.out, System.err, () -> stopped).run(args);
    }

    private static RegionModelService modelService() throws InterruptedException {
        BundleContext bundle = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker = new ServiceTracker<>(bundle, RegionModelService.class, null);
        tracker.open();
        try {
            return tracker.waitForService(10_000);
        } finally {
            tracker.close();
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
