package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.strace.ReplayReport;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.sources.strace.StraceReplay;
import org.vmatlas.sources.strace.TracedCall;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.JobProgress;
import org.vmatlas.ui.internal.ChoiceDialog;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * File > Open strace log (Ctrl+Shift+O): parses an {@code strace -f -tt -e trace=memory} log and replays it
 * into a new replay session under the rules of a chosen kernel (Linux by default), as Jobs with progress
 * and Cancel. When the log holds several pids, the user replays them together or picks one. Lines that cannot be read are skipped and listed afterwards (the first twenty); the rest loads.
 */
public class OpenStraceHandler {

    /** How many unreadable lines the dialog names; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;
    /** How many of a log's busiest pids are offered one by one (the list scrolls). */
    static final int MAX_PID_CHOICES = 200;

    /** What a load made: the session (now holding the calls), the parsed log and the replay's counts. */
    public record Loaded(Session session, StraceLog log, ReplayReport report) {
    }

    @Execute
    public void execute(Shell shell, RegionModelService models, WorkbenchMoment moment) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.strace_title);
        dialog.setFilterExtensions(new String[] { "*.strace;*.log;*.txt", "*.*" });
        String name = dialog.open();
        if (name == null) {
            return;
        }
        Path file = Path.of(name);
        Personality personality = askPersonality(shell, file);
        if (personality == null) {
            return;
        }
        String job = NLS.bind(Messages.strace_jobName, file.getFileName());
        BackgroundWork.runVisible(job, shell.getDisplay(), monitor -> parse(file, monitor), log -> {
            if (log == null || shell.isDisposed()) {
                return; // cancelled: nothing was opened
            }
            Set<Integer> pids = askProcesses(shell, file, log);
            if (pids == null) {
                return;
            }
            BackgroundWork.runVisible(job, shell.getDisplay(), monitor -> replay(models, file, log, personality, pids, monitor),
                    loaded -> opened(shell, models, moment, file, loaded),
                    text -> MessageDialog.openError(shell, Messages.strace_title, text));
        }, text -> MessageDialog.openError(shell, Messages.strace_title, text));
    }

    private static void opened(Shell shell, RegionModelService models, WorkbenchMoment moment, Path file, Loaded loaded) {
        if (loaded == null) {
            return;
        }
        models.setCurrent(loaded.session());
        moment.live();
        if (!loaded.log().problems().isEmpty() && !shell.isDisposed()) {
            MessageDialog.openWarning(shell, Messages.strace_title, problemReport(file, loaded));
        }
    }

    /**
     * A memory-only trace cannot tell a forked child from a thread: when the log holds several pids, the
     * user says whether they share one address space or which one to replay. {@code null}: cancelled;
     * empty: all of them together.
     */
    private static Set<Integer> askProcesses(Shell shell, Path file, StraceLog log) {
        List<Integer> pids = new ArrayList<>(log.pids());
        if (pids.size() <= 1) {
            return Set.of();
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (TracedCall call : log.calls()) {
            counts.merge(call.pid(), 1, Integer::sum);
        }
        pids.sort(Comparator.comparing((Integer pid) -> counts.get(pid)).reversed());
        List<Integer> shown = pids.subList(0, Math.min(MAX_PID_CHOICES, pids.size()));
        String[] choices = new String[shown.size() + 1];
        choices[0] = Messages.strace_allPids;
        for (int i = 0; i < shown.size(); i++) {
            choices[i + 1] = NLS.bind(Messages.strace_onePid, shown.get(i), counts.get(shown.get(i)));
        }
        int answer = new ChoiceDialog(shell, Messages.strace_title,
                NLS.bind(Messages.strace_whichPid, file.getFileName(), pids.size()), choices, 0).ask();
        if (answer < 0) {
            return null;
        }
        return answer == 0 ? Set.of() : Set.of(shown.get(answer - 1));
    }

    /** Linux, AIX or NetBSD rules for the replay; {@code null} when the user cancels. */
    private static Personality askPersonality(Shell shell, Path file) {
        Personality[] choices = Personality.values();
        String[] buttons = new String[choices.length + 1];
        for (int i = 0; i < choices.length; i++) {
            buttons[i] = choices[i].displayName();
        }
        buttons[choices.length] = IDialogConstants.CANCEL_LABEL;
        int answer = new MessageDialog(shell, Messages.strace_title, null,
                NLS.bind(Messages.strace_personality, file.getFileName()), MessageDialog.QUESTION,
                Personality.LINUX.ordinal(), buttons).open();
        return answer >= 0 && answer < choices.length ? choices[answer] : null;
    }

    /**
     * Parses {@code file} and replays every process's calls into a new replay session with {@code personality}'s
     * rules. Answers {@code null} when cancelled (a half-replayed session is closed again).
     *
     * @throws IllegalStateException naming the file when it cannot be read
     */
    public static Loaded load(RegionModelService models, Path file, Personality personality, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        StraceLog log = parse(file, progress.split(1));
        return log == null ? null : replay(models, file, log, personality, Set.of(), progress.split(1));
    }

    /** Reads and parses the log; {@code null} when cancelled. */
    static StraceLog parse(Path file, IProgressMonitor monitor) {
        try {
            StraceLog log = StraceParser.parse(file, new JobProgress(SubMonitor.convert(monitor)));
            return log.canceled() ? null : log;
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.strace_failed, file, e.getMessage()), e);
        }
    }

    /**
     * Replays the calls of {@code pids} (all when empty) into a new replay session; {@code null} when
     * cancelled (the half-replayed session is closed again).
     */
    static Loaded replay(RegionModelService models, Path file, StraceLog log, Personality personality, Set<Integer> pids,
            IProgressMonitor monitor) {
        String name = NLS.bind(Messages.strace_sessionName, file.getFileName(), personality.displayName())
                + (pids.isEmpty() ? "" : " pid " + pids.iterator().next());
        Session session = models.openReplaySession(name, personality);
        String source = "strace:" + file.getFileName();
        ReplayReport report = new StraceReplay(session, pids, source).replay(log.calls(),
                new JobProgress(SubMonitor.convert(monitor)));
        if (report.canceled()) {
            models.close(session);
            return null;
        }
        return new Loaded(session, log, report);
    }

    /** The dialog's text: how many lines were skipped and the first {@value #PROBLEMS_SHOWN} with their numbers. */
    public static String problemReport(Path file, Loaded loaded) {
        List<ParseProblem> problems = loaded.log().problems();
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(Messages.strace_problems, new Object[] { file.getFileName(), problems.size(),
            loaded.report().recorded() }));
        lines.add("");
        for (ParseProblem problem : problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size()))) {
            lines.add("line " + problem.line() + ": " + problem.reason() + ": " + problem.text());
        }
        if (problems.size() > PROBLEMS_SHOWN) {
            lines.add(NLS.bind(Messages.strace_more, problems.size() - PROBLEMS_SHOWN));
        }
        return String.join("\n", lines);
    }
}
