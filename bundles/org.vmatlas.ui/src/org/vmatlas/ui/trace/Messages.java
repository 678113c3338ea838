package org.vmatlas.ui.trace;

import org.eclipse.osgi.util.NLS;

/** The words of live tracing, from {@code messages.properties} beside this class. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.trace.messages";

    public static String trace_title;
    public static String trace_command;
    public static String trace_commandHint;
    public static String trace_directory;
    public static String trace_noCommand;
    public static String trace_job;
    public static String trace_started;
    public static String trace_ended;
    public static String trace_cannot;
    public static String trace_button;
    public static String trace_buttonTip;
    public static String trace_noneSelected;
    public static String trace_notRunning;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
