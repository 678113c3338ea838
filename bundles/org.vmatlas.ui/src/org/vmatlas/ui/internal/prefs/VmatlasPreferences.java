package org.vmatlas.ui.internal.prefs;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.syscall.Prot;

/**
 * The workbench's settings, kept in the instance (workspace) preferences: the native sandbox's arena
 * size, the /proc poll interval, the demo's pace, and the map's protection colours. Without an
 * instance location (tests, some headless runs) the defaults apply and nothing is stored.
 */
public final class VmatlasPreferences {

    public static final String NODE = "org.vmatlas.ui";
    public static final long DEFAULT_ARENA_MIB = 1024;
    public static final int DEFAULT_POLL_MILLIS = 100;
    public static final int DEFAULT_DEMO_PACE_MILLIS = 700;
    static final int[] COLOURED_PROTS = { Prot.NONE, Prot.READ, Prot.RW, Prot.RX, Prot.RWX };

    private VmatlasPreferences() {
    }

    public static long arenaBytes() {
        return Math.max(16, getLong("arenaMiB", DEFAULT_ARENA_MIB)) << 20;
    }

    public static int pollMillis() {
        return (int) Math.max(50, getLong("pollMillis", DEFAULT_POLL_MILLIS));
    }

    public static int demoPaceMillis() {
        return (int) Math.max(0, getLong("demoPaceMillis", DEFAULT_DEMO_PACE_MILLIS));
    }

    /** Applies stored colours to the map's palette; called at startup and after the dialog. */
    public static void applyColours() {
        for (int prot : COLOURED_PROTS) {
            long rgb = getLong("colour." + Prot.letters(prot), -1);
            if (rgb >= 0) {
                MapColors.setProtColour(prot, (int) rgb);
            }
        }
    }

    static void store(long arenaMiB, int pollMillis, int demoPaceMillis, int[] colours) throws BackingStoreException {
        IEclipsePreferences node = node();
        if (node == null) {
            throw new BackingStoreException("no workspace to keep preferences in (start vmatlas with -data)");
        }
        node.putLong("arenaMiB", arenaMiB);
        node.putLong("pollMillis", pollMillis);
        node.putLong("demoPaceMillis", demoPaceMillis);
        for (int i = 0; i < COLOURED_PROTS.length; i++) {
            node.putLong("colour." + Prot.letters(COLOURED_PROTS[i]), colours[i]);
        }
        node.flush();
        applyColours();
    }

    static long arenaMiB() {
        return arenaBytes() >> 20;
    }

    private static long getLong(String key, long fallback) {
        IEclipsePreferences node = node();
        return node == null ? fallback : node.getLong(key, fallback);
    }

    private static IEclipsePreferences node() {
        try {
            return InstanceScope.INSTANCE.getNode(NODE);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
