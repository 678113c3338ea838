package org.vmatlas.owners;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The owners' DS services as the workbench gets them, waited for with a timeout. */
public final class Services {

    private Services() {
    }

    public static RegionClassifier classifier() {
        return service(RegionClassifier.class);
    }

    public static <T> T service(Class<T> type) {
        Bundle bundle = FrameworkUtil.getBundle(Services.class);
        try {
            if (bundle.getBundleContext() == null) {
                bundle.start(Bundle.START_TRANSIENT);
            }
            ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
            tracker.open();
            T service = tracker.waitForService(10_000);
            if (service == null) {
                throw new AssertionError("no " + type.getSimpleName() + " registered within 10 s: is Felix SCR running?");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getSimpleName(), e);
        } catch (BundleException e) {
            throw new AssertionError("cannot start " + bundle.getSymbolicName(), e);
        }
    }
}
