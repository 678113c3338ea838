package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.JobProgress;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * File > Open strace log (Ctrl+Shift+O): parses an {@code strace -f -tt -e trace=memory} log and replays it
 * into a new replay session under the rules of a chosen kernel (Linux by default), as a Job with progress
 * and Cancel. Lines that cannot be read are skipped and listed afterwards (the first twenty); the rest loads.
 */
public class OpenStraceHandler {

    /** How many unreadable lines the dialog names; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;

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
        BackgroundWork.runVisible(NLS.bind(Messages.strace_jobName, file.getFileName()), shell.getDisplay(),
                monitor -> load(models, file, personality, monitor), loaded -> {
                    if (loaded == null) {
                        return; // cancelled: nothing was opened
                    }
                    models.setCurrent(loaded.session());
                    moment.live();
                    if (!loaded.log().problems().isEmpty() && !shell.isDisposed()) {
                        MessageDialog.openWarning(shell, Messages.strace_title, problemReport(file, loaded));
                    }
                }, text -> MessageDialog.openError(shell, Messages.strace_title, text));
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
        StraceLog log;
        try {
            log = StraceParser.parse(file, new JobProgress(progress.split(1)));
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.strace_failed, file, e.getMessage()), e);
        }
        if (log.canceled()) {
            return null;
        }
        Session session = models.openReplaySession(NLS.bind(Messages.strace_sessionName, file.getFileName(),
                personality.displayName()), personality);
        String source = "strace:" + file.getFileName();
        ReplayReport report = new StraceReplay(session, Set.of(), source).replay(log.calls(),
                new JobProgress(progress.split(1)));
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
