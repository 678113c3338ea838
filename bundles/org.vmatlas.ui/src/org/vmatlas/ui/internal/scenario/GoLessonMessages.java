package org.vmatlas.ui.internal.scenario;

import org.eclipse.osgi.util.NLS;

/** The words of the lesson "Go heap, for real", from {@code golesson.properties} beside it. */
final class GoLessonMessages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.scenario.golesson";

    public static String title;
    public static String intro;
    public static String ready;
    public static String noGo;
    public static String building;
    public static String buildJob;
    public static String tracing;
    public static String cannot;
    public static String states;
    public static String phaseStarted;
    public static String phaseGrown;
    public static String phaseFreed;
    public static String phaseGrownAgain;
    public static String phaseDone;
    public static String finished;
    public static String ended;

    static {
        NLS.initializeMessages(BUNDLE_NAME, GoLessonMessages.class);
    }

    private GoLessonMessages() {
    }
}
