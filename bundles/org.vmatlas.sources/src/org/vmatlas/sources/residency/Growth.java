package org.vmatlas.sources.residency;

import java.util.Locale;

import org.vmatlas.syscall.Mapping;

/**
 * How much one region's resident memory grew over a window of time: a leak suspect when it is among the
 * strongest growers.
 *
 * @param region the region as last sampled
 * @param from   its figures at the start of the window; for a region born since, nothing at its birth; where
 *               the history kept this region's older figures coarsely, the nearest older figures kept, so
 *               the growth is told over a somewhat longer time than asked
 * @param to     its latest figures
 */
public record Growth(Mapping region, Figures from, Figures to) {

    /** Resident bytes gained over the window (negative when the region shrank). */
    public long rssDelta() {
        return to.rss() - from.rss();
    }

    public double seconds() {
        return (to.timeNanos() - from.timeNanos()) / 1e9;
    }

    /** One line a person reads: {@code grew 120.0 MiB in 60 s}. */
    public String describe() {
        long delta = rssDelta();
        String verb = delta >= 0 ? "grew" : "shrank";
        return String.format(Locale.ROOT, "%s %s in %.0f s", verb, bytes(Math.abs(delta)), seconds());
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        double v = n / 1024.0;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
