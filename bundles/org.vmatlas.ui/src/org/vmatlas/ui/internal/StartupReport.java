package org.vmatlas.ui.internal;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dvmatlas.startupReport=true}, prints how long after the JVM started the window was up
 * and the demo's first call was drawn: the figures {@code releng/scripts/measure-startup.sh} reports.
 */
public final class StartupReport {

    private static final boolean ENABLED = Boolean.getBoolean("vmatlas.startupReport");
    private static volatile boolean firstCallReported;

    private StartupReport() {
    }

    public static void windowUp() {
        report("window up");
    }

    public static void firstCallShown() {
        if (!firstCallReported) {
            firstCallReported = true;
            report("first demo call drawn");
        }
    }

    private static void report(String what) {
        if (ENABLED) {
            long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("vmatlas startup: " + what + " " + millis + " ms after the JVM started");
        }
    }
}
