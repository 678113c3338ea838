package org.vmatlas.ui.internal.summary;

import org.eclipse.osgi.util.NLS;

/** The Summary part's words, from {@code messages.properties} beside it. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.summary.messages";

    public static String classifying;
    public static String noSession;
    public static String header;
    public static String headerMeasured;
    public static String noClassifier;
    public static String columnType;
    public static String columnSize;
    public static String columnCommitted;
    public static String columnRss;
    public static String columnPss;
    public static String columnPrivateDirty;
    public static String columnSwap;
    public static String columnRegions;
    public static String columnLargest;
    public static String total;
    public static String filterTip;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
