package org.vmatlas.ui.internal.export;

import java.io.IOException;
import java.io.Writer;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Timeline;
import org.vmatlas.render.export.EventsCsv;
import org.vmatlas.render.export.EventsJson;
import org.vmatlas.render.export.RegionsCsv;
import org.vmatlas.render.export.RegionsJson;
import org.vmatlas.ui.internal.Messages;

/** The data exports the file dialog offers, in the order of its filters: what they write and their file extension. */
public enum DataExport {
    REGIONS_CSV("*.csv"), REGIONS_JSON("*.json"), EVENTS_CSV("*.csv"), EVENTS_JSON("*.json");

    private final String filter;

    DataExport(String filter) {
        this.filter = filter;
    }

    public String filter() {
        return filter;
    }

    public String label() {
        return switch (this) {
            case REGIONS_CSV -> Messages.exportData_regionsCsv;
            case REGIONS_JSON -> Messages.exportData_regionsJson;
            case EVENTS_CSV -> Messages.exportData_eventsCsv;
            case EVENTS_JSON -> Messages.exportData_eventsJson;
        };
    }

    /** Regions exports write {@code space} (the regions at the workbench's moment); events exports the timeline. */
    public void write(AddressSpace space, Timeline timeline, Writer out) throws IOException {
        switch (this) {
            case REGIONS_CSV -> RegionsCsv.write(space, out);
            case REGIONS_JSON -> RegionsJson.write(space, out);
            case EVENTS_CSV -> EventsCsv.write(timeline, out);
            case EVENTS_JSON -> EventsJson.write(timeline, out);
        }
    }
}
