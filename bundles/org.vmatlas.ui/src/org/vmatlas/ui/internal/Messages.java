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
    public static String processes_filter;
    public static String processes_filterHint;
    public static String processes_refresh;
    public static String processes_columnPid;
    public static String processes_columnCommand;
    public static String processes_columnOwner;
    public static String processes_columnMappings;
    public static String processes_notReadable;
    public static String processes_interval;
    public static String processes_intervalTip;
    public static String processes_attach;
    public static String processes_detach;
    public static String processes_listing;
    public static String processes_listed;
    public static String processes_noneSelected;
    public static String processes_attaching;
    public static String processes_attached;
    public static String processes_ended;
    public static String processes_detached;
    public static String processes_cannotAttach;
    public static String processes_sessionName;
    public static String processes_smaps;
    public static String processes_rollup;
    public static String processes_smapsNoAttach;
    public static String processes_smapsNoRegion;
    public static String processes_smapsNothing;
    public static String processes_smapsResult;
    public static String processes_rollupResult;
    public static String processes_jobList;
    public static String processes_jobSmaps;
    public static String processes_jobAttach;
    public static String scenario_lessons;
    public static String scenario_openScript;
    public static String scenario_step;
    public static String scenario_run;
    public static String scenario_pause;
    public static String scenario_restart;
    public static String scenario_speed;
    public static String scenario_columnLine;
    public static String scenario_columnStep;
    public static String scenario_columnOutcome;
    public static String scenario_noScenario;
    public static String scenario_ready;
    public static String scenario_problems;
    public static String scenario_finished;
    public static String scenario_sessionName;
    public static String scenario_readFailed;
    public static String scenario_jobName;
    public static String scenario_outcomeOk;
    public static String scenario_outcomeFailed;
    public static String scenario_outcomeMet;
    public static String scenario_outcomeUnmet;
    public static String scenario_outcomeSkipped;
    public static String scenario_outcomeError;
    public static String scenario_outcomeSaid;
    public static String scenario_scriptFilter;
    public static String compare_scenario;
    public static String compare_left;
    public static String compare_right;
    public static String compare_runBoth;
    public static String compare_running;
    public static String compare_jobName;
    public static String compare_differ;
    public static String compare_same;
    public static String compare_side;
    public static String compare_sessionName;
    public static String strace_title;
    public static String strace_personality;
    public static String strace_jobName;
    public static String strace_sessionName;
    public static String strace_problems;
    public static String strace_more;
    public static String strace_failed;
    public static String strace_loaded;
    public static String session_saveTitle;
    public static String session_openTitle;
    public static String session_filter;
    public static String session_saveFailed;
    public static String session_openFailed;
    public static String session_damaged;
    public static String session_jobSave;
    public static String session_jobOpen;

    public static String strace_allPids;
    public static String strace_onePid;
    public static String strace_whichPid;

    public static String chart_titleState;
    public static String chart_scrubberTip;
    public static String chart_live;
    public static String chart_liveTip;
    public static String chart_changes;
    public static String chart_changesTip;
    public static String chart_byProtection;
    public static String chart_byState;
    public static String chart_breakdownTip;

    public static String map_hilbert;
    public static String map_hilbertTip;

    public static String exportData_job;

    public static String ops_fd;
    public static String ops_fdHint;
    public static String ops_offset;

    public static String ops_memfdName;
    public static String ops_memfdNameHint;

    public static String demo_sessionSimulated;

    public static String session_label;
    public static String session_tip;
    public static String session_closeTitle;
    public static String session_closeQuestion;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
