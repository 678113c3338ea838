package org.vmatlas.ui.internal;

import org.eclipse.osgi.util.NLS;

/** The workbench's words, from {@code messages.properties}. */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vmatlas.ui.internal.messages";

    public static String status_ready;
    public static String status_beforeFirst;
    public static String status_pastPrefix;
    public static String map_noSession;
    public static String map_header;
    public static String map_headerPast;
    public static String chart_title;
    public static String chart_axisEvents;
    public static String chart_axisBytes;
    public static String chart_failures;
    public static String events_columnIndex;
    public static String events_columnCall;
    public static String events_columnResult;
    public static String events_columnConflict;
    public static String demo_jobName;
    public static String demo_sessionName;
    public static String export_title;
    public static String export_failed;
    public static String legend_free;
    public static String legend_gap;
    public static String legend_prepared;
    public static String table_filter;
    public static String table_filterHint;
    public static String table_filterTip;
    public static String table_lookup;
    public static String table_lookupHint;
    public static String table_notMapped;
    public static String table_footer;
    public static String ops_kernel;
    public static String ops_kernelNative;
    public static String ops_kernelLinux;
    public static String ops_kernelAix;
    public static String ops_kernelNetBsd;
    public static String ops_kernelNativeRules;
    public static String ops_kernelFailed;
    public static String ops_newSession;
    public static String ops_sessionOpened;
    public static String ops_noSession;
    public static String ops_address;
    public static String ops_addressHint;
    public static String ops_goAddressHint;
    public static String ops_length;
    public static String ops_sizeHint;
    public static String ops_prot;
    public static String ops_flags;
    public static String ops_label;
    public static String ops_labelHint;
    public static String ops_oldAddress;
    public static String ops_oldSize;
    public static String ops_newSize;
    public static String ops_newAddress;
    public static String ops_newAddressHint;
    public static String ops_advice;
    public static String ops_goTab;
    public static String ops_transition;
    public static String ops_previewResult;
    public static String ops_previewEvicted;
    public static String ops_previewMapCount;
    public static String ops_run;
    public static String ops_running;
    public static String frag_noSession;
    public static String frag_largest;
    public static String frag_noHoles;
    public static String frag_chartTitle;
    public static String frag_axisSize;
    public static String frag_axisCount;
    public static String frag_mapCount;
    public static String exportData_title;
    public static String exportData_regionsCsv;
    public static String exportData_regionsJson;
    public static String exportData_eventsCsv;
    public static String exportData_eventsJson;
    public static String exportSvg_title;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
