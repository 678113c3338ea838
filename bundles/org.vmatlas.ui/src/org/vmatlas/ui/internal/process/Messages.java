package org.vmatlas.ui.internal.process;

import org.eclipse.osgi.util.NLS;

/** The process tree's words, from {@code messages.properties} beside it. */
final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.process.messages";

    public static String title;
    public static String button;
    public static String buttonTip;
    public static String columnProcess;
    public static String columnEvents;
    public static String family;
    public static String unknownProgram;
    public static String exited;
    public static String hint;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
