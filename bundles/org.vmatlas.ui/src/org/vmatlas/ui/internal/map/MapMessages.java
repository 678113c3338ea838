package org.vmatlas.ui.internal.map;

import org.eclipse.osgi.util.NLS;

/** The map's own words (the hover's additions), from {@code messages.properties} beside it. */
final class MapMessages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.map.mapmessages";

    public static String hoverOwner;
    public static String hoverPattern;
    public static String legendSuspect;

    static {
        NLS.initializeMessages(BUNDLE_NAME, MapMessages.class);
    }

    private MapMessages() {
    }
}
