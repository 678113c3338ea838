package org.vmatlas.app.internal.headless;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.sources.scenario.Lessons;

/**
 * {@code vmatlas --headless}: renders a scenario, an strace log or a live process to PNG, SVG, CSV or
 * JSON without a window, for labs, documentation and CI. Exit code 0 on success, 1 on bad input (the
 * message says which argument or which line), 2 when the model service is missing.
 */
public class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        context.applicationRunning();
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(HeadlessOptions.USAGE);
            return EXIT_OK;
        }
        if (java.util.Arrays.asList(args).contains("--list")) {
            Lessons.names().forEach(System.out::println);
            return EXIT_OK;
        }
        HeadlessOptions options;
        try {
            options = HeadlessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vmatlas: " + e.getMessage());
            System.err.println(HeadlessOptions.USAGE);
            return 1;
        }
        RegionModelService models = modelService();
        if (models == null) {
            System.err.println("vmatlas: the region-model service did not start (is org.apache.felix.scr running?)");
            return 2;
        }
        try {
            new HeadlessRun(models, System.out).run(options);
            return EXIT_OK;
        } catch (IllegalArgumentException | IllegalStateException | java.io.IOException e) {
            System.err.println("vmatlas: " + e.getMessage());
            return 1;
        }
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
        // Runs to completion in start(); nothing to interrupt.
    }
}
