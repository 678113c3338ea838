package org.vmatlas.ui.internal.residency;

import org.eclipse.osgi.util.NLS;

/** The Residency part's words, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.residency.messages";

    public static String noSession;
    public static String noProcess;
    public static String sampling;
    public static String paused;
    public static String ended;
    public static String pause;
    public static String resume;
    public static String every;
    public static String everyTip;
    public static String window;
    public static String windowTip;
    public static String chartTitle;
    public static String chartTitleByType;
    public static String byType;
    public static String byTypeTip;
    public static String classifyingTypes;
    public static String axisSeconds;
    public static String axisBytes;
    public static String rss;
    public static String pss;
    public static String dirty;
    public static String swap;
    public static String columnRegion;
    public static String columnName;
    public static String columnGrowth;
    public static String columnRss;
    public static String noGrowth;
    public static String anonymous;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
