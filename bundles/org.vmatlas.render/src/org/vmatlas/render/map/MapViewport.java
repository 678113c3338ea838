package org.vmatlas.render.map;

/**
 * The visible part of the virtual axis as fractions of it, so that zoom survives changes of the
 * regions underneath. Zooming stops where one cell is about a byte; panning stays inside the axis.
 */
public final class MapViewport {

    private static final double MIN_SPAN = 1e-12;
    private double from;
    private double to = 1;

    public double from() {
        return from;
    }

    public double to() {
        return to;
    }

    public boolean isWhole() {
        return from <= 0 && to >= 1;
    }

    public void reset() {
        from = 0;
        to = 1;
    }

    /** Zooms by {@code factor} (> 1 zooms in) keeping the fraction {@code anchor} of the view in place. */
    public void zoom(double factor, double anchor) {
        zoom(factor, anchor, MIN_SPAN);
    }

    /**
     * As {@link #zoom(double, double)}, never below {@code minimumSpan} of the axis (the frame's
     * {@link MapFrame#minimumSpan()}: a row at least a page), so a zoom past what can be shown is not
     * remembered and need not be undone step by step.
     */
    public void zoom(double factor, double anchor, double minimumSpan) {
        double span = to - from;
        double newSpan = Math.min(1, Math.max(Math.max(MIN_SPAN, minimumSpan), span / factor));
        double center = from + anchor * span;
        set(center - anchor * newSpan, newSpan);
    }

    /** Moves the view by a fraction of its own span (negative: toward lower addresses). */
    public void pan(double spans) {
        double span = to - from;
        set(from + spans * span, span);
    }

    /** Shows exactly the fractions {@code [a, b)} of the axis. */
    public void show(double a, double b) {
        set(a, Math.max(MIN_SPAN, b - a));
    }

    private void set(double start, double span) {
        span = Math.min(1, span);
        start = Math.max(0, Math.min(1 - span, start));
        from = start;
        to = start + span;
    }
}
