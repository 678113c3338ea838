package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import org.vmatlas.sources.strace.ProcessSpaces;
import org.vmatlas.sources.strace.StraceLog;
import org.vmatlas.sources.strace.StraceParser;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.JobProgress;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.process.ProcessFamilies;

/**
 * File > Open strace log (Ctrl+Shift+O): parses an {@code strace -f} log and replays it under the rules of a
 * chosen kernel (Linux by default), one session per address space as a live trace makes them (threads share,
 * fork copies, execve starts afresh; a log without process calls is split by inference), in a Job with progress
 * and Cancel. The traced program is shown and its process tree is offered. Lines that cannot be read are
 * skipped and listed afterwards (the first twenty); a log with no memory call at all opens nothing. Sessions
 * already open are left as they are; a cancelled or failed replay closes what it had opened.
 */
public class OpenStraceHandler {

    /** How many unreadable lines the dialog names; the rest are counted. */
    static final int PROBLEMS_SHOWN = 20;

    /** What a load made: the parsed log and its processes, each with the session of its address space. */
    public record Loaded(Path file, StraceLog log, ProcessSpaces spaces) {

        /** The traced program's address space: the first process, after its last {@code execve}. */
        public Session first() {
            return spaces.processes().getFirst().session();
        }

        /** Every session the replay opened, one per address space. */
        public List<Session> sessions() {
            return spaces.sessions();
        }

        /** Events recorded in all of them. */
        public int events() {
            return sessions().stream().mapToInt(s -> s.timeline().size()).sum();
        }

        /** Lines that could not be read, then calls that could not be replayed, with their line numbers. */
        public List<ParseProblem> problems() {
            List<ParseProblem> all = new ArrayList<>(log.problems());
            all.addAll(spaces.problems());
            return all;
        }
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
                monitor -> load(models, file, personality, monitor), loaded -> opened(shell, models, moment, loaded),
                text -> MessageDialog.openError(shell, Messages.strace_title, text));
    }

    private static void opened(Shell shell, RegionModelService models, WorkbenchMoment moment, Loaded loaded) {
        if (loaded == null) {
            return; // cancelled: nothing was opened
        }
        ProcessFamilies.add(NLS.bind(Messages.strace_familyName, loaded.file().getFileName()), loaded.spaces()::processes);
        models.setCurrent(loaded.first());
        moment.live();
        if (!loaded.problems().isEmpty() && !shell.isDisposed()) {
            MessageDialog.openWarning(shell, Messages.strace_title, problemReport(loaded));
        }
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
     * Parses {@code file} and replays it, each address space into a new replay session with {@code personality}'s
     * rules. Answers {@code null} when cancelled (the sessions opened so far are closed again).
     *
     * @throws IllegalStateException naming the file (and the line, where one is to blame) when it cannot be read
     *                               or holds no memory call; nothing is opened then
     */
    public static Loaded load(RegionModelService models, Path file, Personality personality, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, 2);
        StraceLog log = parse(file, progress.split(1));
        if (log == null) {
            return null;
        }
        if (log.calls().isEmpty()) {
            throw new IllegalStateException(nothingToReplay(file, log));
        }
        return replay(models, file, log, personality, progress.split(1));
    }

    /** Reads and parses the log; {@code null} when cancelled. */
    static StraceLog parse(Path file, IProgressMonitor monitor) {
        try {
            StraceLog log = StraceParser.parse(file, new JobProgress(SubMonitor.convert(monitor)));
            return log.canceled() ? null : log;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(NLS.bind(Messages.strace_failed, file, reason(e)), e);
        }
    }

    /** Why a log without calls opens nothing: the parser's own verdict with its line, else a count of lines. */
    static String nothingToReplay(Path file, StraceLog log) {
        if (log.lines() == 0) {
            return NLS.bind(Messages.strace_empty, file);
        }
        if (log.noStraceLines()) { // the parser's verdict names the line already
            return NLS.bind(Messages.strace_noCalls, file, log.problems().getFirst().reason());
        }
        if (!log.problems().isEmpty()) {
            ParseProblem first = log.problems().getFirst();
            return NLS.bind(Messages.strace_noCalls, file,
                    NLS.bind(Messages.strace_noCallRead, first.line(), first.reason()));
        }
        return NLS.bind(Messages.strace_noMemoryCalls, file, log.lines());
    }

    /**
     * Replays every process of the log, each address space into a session of its own named by pid, program and
     * file; {@code null} when cancelled (what was opened is closed again).
     */
    static Loaded replay(RegionModelService models, Path file, StraceLog log, Personality personality,
            IProgressMonitor monitor) {
        String base = file.getFileName().toString();
        List<Session> opened = new ArrayList<>();
        Function<String, Session> open = space -> {
            Session session = models.openReplaySession(NLS.bind(Messages.strace_sessionName,
                    new Object[] { space, base, personality.displayName() }), personality);
            opened.add(session);
            return session;
        };
        ProcessSpaces spaces;
        try {
            spaces = ProcessSpaces.replay(log, open, "strace:" + base, new JobProgress(SubMonitor.convert(monitor)));
        } catch (RuntimeException e) {
            opened.forEach(models::close);
            throw new IllegalStateException(NLS.bind(Messages.strace_cannotReplay, file, reason(e)), e);
        }
        if (monitor.isCanceled() || spaces.processes().isEmpty()) {
            opened.forEach(models::close);
            return null;
        }
        return new Loaded(file, log, spaces);
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The dialog's text: how many lines were skipped and the first {@value #PROBLEMS_SHOWN} with their numbers. */
    public static String problemReport(Loaded loaded) {
        List<ParseProblem> problems = loaded.problems();
        List<String> lines = new ArrayList<>();
        lines.add(NLS.bind(Messages.strace_problems, new Object[] { loaded.file().getFileName(), problems.size(),
            loaded.events(), loaded.spaces().processes().size() }));
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
