package org.vmatlas.owners;

/**
 * Page by page residency of one range, from {@code /proc/PID/pagemap} (or {@code mincore} for the
 * sandbox, which knows only {@link #PRESENT}). Each page has a byte of flags; {@link #reason()} says why
 * nothing is known when the source may not be read ("pagemap needs CAP_SYS_ADMIN for page frame numbers"
 * is not such a reason: presence and swap are readable by the owner without it).
 *
 * @param start    first byte of the range, page aligned
 * @param pageSize bytes per entry
 * @param flags    one byte of flags per page, or {@code null} when unknown
 * @param reason   why the pages are unknown, or {@code null}
 */
public record PageStates(long start, long pageSize, byte[] flags, String reason) {

    /** The page is in memory. */
    public static final byte PRESENT = 1;
    /** The page is swapped out. */
    public static final byte SWAPPED = 2;
    /** The page is a file page or shared anonymous (not exclusively mapped private anonymous memory). */
    public static final byte FILE = 4;
    /** The page is part of a transparent huge page. */
    public static final byte HUGE = 8;
    /** The page is mapped by this process alone. */
    public static final byte EXCLUSIVE = 16;

    public PageStates {
        if ((flags == null) == (reason == null)) {
            throw new IllegalArgumentException("page states have either flags or a reason, not both or neither");
        }
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive, not " + pageSize);
        }
    }

    public static PageStates unknown(long start, long pageSize, String reason) {
        return new PageStates(start, pageSize, null, reason);
    }

    public boolean isKnown() {
        return flags != null;
    }

    public int pages() {
        return flags == null ? 0 : flags.length;
    }

    /** {@code true} when page {@code index} has every flag of {@code mask}. */
    public boolean has(int index, byte mask) {
        return (flags[index] & mask) == mask;
    }

    /** The number of pages with every flag of {@code mask}. */
    public int count(byte mask) {
        int n = 0;
        for (int i = 0; i < pages(); i++) {
            if ((flags[i] & mask) == mask) {
                n++;
            }
        }
        return n;
    }
}
