package org.vmatlas.ui.internal.process;

import java.util.List;
import java.util.Locale;

import org.vmatlas.sources.proc.ProcessInfo;

/** The picker's filter: a process matches when its pid, command line or owner contains the typed text. */
final class ProcessFilter {

    private ProcessFilter() {
    }

    static List<ProcessInfo> apply(List<ProcessInfo> processes, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return processes;
        }
        return processes.stream().filter(p -> matches(p, wanted)).toList();
    }

    private static boolean matches(ProcessInfo process, String wanted) {
        return Long.toString(process.pid()).contains(wanted)
                || process.command().toLowerCase(Locale.ROOT).contains(wanted)
                || process.owner().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
