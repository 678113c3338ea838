package org.vmatlas.ui.internal.summary;

/**
 * What the Summary part tells the other parts through the application's context (a value, not an event, so
 * that a part opened later still sees the choice).
 */
public final class SummaryTopics {

    /** The type chosen in the Summary: a {@code RegionType} name, or the empty string for every type. */
    public static final String TYPE = "org.vmatlas.ui.summary.type";

    private SummaryTopics() {
    }
}
