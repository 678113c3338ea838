package org.vmatlas.render.map;

/** What the map's colours say about each region. */
public enum ColourMode {
    PROTECTION("by protection"), TYPE("by type"), RESIDENCY("by residency"), DIRTY_SWAP("by dirty/swap");

    private final String label;

    ColourMode(String label) {
        this.label = label;
    }

    /** The words for a chooser. */
    public String label() {
        return label;
    }
}
