package org.vmatlas.ui.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.RegionModelService;

/** Shared by the UI tests: the DS service, a DI context for parts, event-loop waiting, screenshots. */
public final class UiTestSupport {

    private UiTestSupport() {
    }

    /** The region-model service as the running OSGi framework provides it (waits up to 10 s). */
    public static RegionModelService modelService() throws InterruptedException {
        var context = FrameworkUtil.getBundle(UiTestSupport.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker =
                new ServiceTracker<>(context, RegionModelService.class, null);
        tracker.open();
        RegionModelService service = tracker.waitForService(10_000);
        if (service == null) {
            throw new AssertionError("no RegionModelService registered within 10 s: is Felix SCR running?");
        }
        return service;
    }

    /** Creates a part the way the workbench does: dependency injection, then @PostConstruct on a parent. */
    public static <T> T makePart(Class<T> partClass, Composite parent, RegionModelService models,
            WorkbenchMoment moment) {
        IEclipseContext context = EclipseContextFactory.create("test " + partClass.getSimpleName());
        context.set(RegionModelService.class, models);
        context.set(WorkbenchMoment.class, moment);
        context.set(ESelectionService.class, (ESelectionService) Proxy.newProxyInstance(
                UiTestSupport.class.getClassLoader(), new Class<?>[] { ESelectionService.class },
                (proxy, method, args) -> null));
        context.set(Composite.class, parent);
        return ContextInjectionFactory.make(partClass, context);
    }

    /** Runs the event loop until the condition holds; fails after the timeout. */
    public static void waitUntil(Display display, BooleanSupplier condition, long timeoutMillis, String what) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Keeps an image as a build artifact under target/screenshots. */
    public static Path saveScreenshot(ImageData data, String name) throws java.io.IOException {
        Path folder = Path.of(System.getProperty("vmatlas.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /** Keeps what a shell shows now (after pending paints) as a build artifact; failures here never fail a test. */
    public static void captureShell(org.eclipse.swt.widgets.Shell shell, String name) {
        Display display = shell.getDisplay();
        shell.layout(true, true);
        long until = System.currentTimeMillis() + 300;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        org.eclipse.swt.graphics.Point size = shell.getSize();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, size.x, size.y);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            saveScreenshot(image.getImageData(), name);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " not kept: " + e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** The 0xRRGGBB colour of a pixel of a direct-palette image. */
    public static int rgb(ImageData data, int x, int y) {
        var rgb = data.palette.getRGB(data.getPixel(x, y));
        return (rgb.red << 16) | (rgb.green << 8) | rgb.blue;
    }
}
