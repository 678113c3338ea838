package org.vmatlas.ui.internal.summary;

/** Event topics the Summary part posts on the workbench's event broker. */
public final class SummaryTopics {

    /** A type was chosen: the data is a {@code RegionType} name, or the empty string for every type. */
    public static final String TYPE = "org/vmatlas/ui/summary/type";

    private SummaryTopics() {
    }
}
