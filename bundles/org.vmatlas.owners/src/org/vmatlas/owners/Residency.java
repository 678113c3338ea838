package org.vmatlas.owners;

/**
 * How much of a region is in memory, as the kernel last reported it ({@code /proc/PID/smaps}, or
 * {@code mincore} for the sandbox). It is a measurement at a moment, not an attribute of the region. Every
 * figure is in bytes; {@link #UNKNOWN_BYTES} where the source cannot tell (mincore knows resident pages
 * but not who else shares them).
 *
 * @param rss          resident bytes
 * @param pss          proportional share: resident bytes divided among the processes that map them
 * @param privateDirty resident bytes written by this process alone
 * @param sharedDirty  resident bytes written and shared with another process
 * @param swap         bytes swapped out
 */
public record Residency(long rss, long pss, long privateDirty, long sharedDirty, long swap) {

    /** The value of a figure the source does not know. */
    public static final long UNKNOWN_BYTES = -1;

    /** Nothing known. */
    public static final Residency UNKNOWN = new Residency(UNKNOWN_BYTES, UNKNOWN_BYTES, UNKNOWN_BYTES,
            UNKNOWN_BYTES, UNKNOWN_BYTES);

    /** Nothing resident, nothing swapped. */
    public static final Residency NONE = new Residency(0, 0, 0, 0, 0);

    public Residency {
        check("rss", rss);
        check("pss", pss);
        check("private dirty", privateDirty);
        check("shared dirty", sharedDirty);
        check("swap", swap);
    }

    private static void check(String what, long value) {
        if (value < UNKNOWN_BYTES) {
            throw new IllegalArgumentException(what + " must be a byte count or unknown (-1), not " + value);
        }
    }

    /** Only the resident size is known (mincore). */
    public static Residency residentOnly(long rss) {
        return new Residency(rss, UNKNOWN_BYTES, UNKNOWN_BYTES, UNKNOWN_BYTES, UNKNOWN_BYTES);
    }

    /** {@code true} when at least the resident size is known. */
    public boolean isKnown() {
        return rss != UNKNOWN_BYTES;
    }

    public static boolean known(long figure) {
        return figure != UNKNOWN_BYTES;
    }

    /** The sum of two measurements, each figure unknown where either is. */
    public Residency plus(Residency other) {
        return new Residency(add(rss, other.rss), add(pss, other.pss), add(privateDirty, other.privateDirty),
                add(sharedDirty, other.sharedDirty), add(swap, other.swap));
    }

    private static long add(long a, long b) {
        return a == UNKNOWN_BYTES || b == UNKNOWN_BYTES ? UNKNOWN_BYTES : a + b;
    }
}
