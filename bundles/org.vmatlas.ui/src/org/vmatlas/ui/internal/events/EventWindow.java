package org.vmatlas.ui.internal.events;

/**
 * Which events the log's table holds: all of them up to {@link #ROWS}, else a window of that many rows,
 * the newest while live, and around the moment shown when the user went back in time. A native table of
 * ten million rows costs the toolkit far more than ten million events cost the timeline; the window keeps
 * the table's cost flat however long a trace runs.
 *
 * @param first index of the event in the table's first row
 * @param rows  how many rows the table holds
 * @param total events in the timeline
 */
record EventWindow(int first, int rows, int total) {

    static final int ROWS = 100_000;

    /** The window for {@code total} events with the moment at {@code moment} (or live); {@code current} is the window shown now. */
    static EventWindow of(int total, boolean live, int moment, EventWindow current) {
        if (total <= ROWS) {
            return new EventWindow(0, total, total);
        }
        if (live) {
            return new EventWindow(total - ROWS, ROWS, total);
        }
        int at = Math.clamp(moment, 0, total - 1);
        if (current != null && current.rows == ROWS && at >= current.first && at < current.first + ROWS
                && current.first + ROWS <= total) {
            return new EventWindow(current.first, ROWS, total); // the moment is in view: the rows stay put
        }
        int first = Math.clamp(at - ROWS / 2, 0, total - ROWS);
        return new EventWindow(first, ROWS, total);
    }

    boolean partial() {
        return rows < total;
    }

    int event(int row) {
        return first + row;
    }

    int row(int event) {
        return event - first;
    }
}
