package org.vmatlas.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The workbench's words, from {@code messages.properties}. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.messages";

    public static String status_ready;
    public static String status_beforeFirst;
    public static String status_pastPrefix;
    public static String map_noSession;
    public static String map_header;
    public static String map_headerPast;
    public static String chart_title;
    public static String chart_axisEvents;
    public static String chart_axisBytes;
    public static String chart_failures;
    public static String events_columnIndex;
    public static String events_columnCall;
    public static String events_columnResult;
    public static String events_columnConflict;
    public static String demo_jobName;
    public static String demo_sessionName;
    public static String export_title;
    public static String export_failed;
    public static String legend_free;
    public static String legend_gap;
    public static String legend_prepared;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
