package org.vmatlas.ui.internal.process;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.live.MapsPoller;
import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcFailure;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.proc.ProcessInfo;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.MessageLine;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.prefs.VmatlasPreferences;

/**
 * The process picker: the processes of {@code /proc} with a filter; "Attach" opens an observed session
 * fed by a {@link MapsPoller} at the chosen interval, "Detach" stops it. A process that exits or may not
 * be read is said in the part and its session keeps what it recorded. On demand it reads {@code smaps}
 * for the region selected in the map or table, and {@code smaps_rollup} for the whole process.
 */
public class ProcessPickerPart {

    @Inject
    private RegionModelService models;

    private Text filter;
    private Label count;
    private ProcessTable table;
    private Spinner interval;
    private Label message;
    private SmapsPanel smaps;
    private List<ProcessInfo> all = List.of();
    private LiveAttachment attachment;

    public ProcessPickerPart() {
    }

    /** For tests outside the workbench. */
    ProcessPickerPart(RegionModelService models) {
        this.models = models;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.processes_filter);
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH);
        filter.setMessage(Messages.processes_filterHint);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, event -> showRows());
        button(parent, Messages.processes_refresh, this::refresh);
        count = new Label(parent, SWT.NONE);
        count.setLayoutData(new GridData(160, SWT.DEFAULT));
        table = new ProcessTable(parent);
        table.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        table.control().addListener(SWT.DefaultSelection, event -> attach());
        createAttachRow(parent);
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        smaps = new SmapsPanel(parent, 4, () -> attachment);
        refresh();
    }

    private void createAttachRow(Composite parent) {
        Composite row = row(parent, 4);
        new Label(row, SWT.NONE).setText(Messages.processes_interval);
        interval = new Spinner(row, SWT.BORDER);
        interval.setValues(VmatlasPreferences.pollMillis(), 50, 60_000, 0, 100, 1000);
        interval.setToolTipText(Messages.processes_intervalTip);
        button(row, Messages.processes_attach, this::attach);
        button(row, Messages.processes_detach, this::detach);
    }

    private static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        return row;
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
    }

    /** Lists the processes again, reading {@code /proc} off the UI thread. */
    void refresh() {
        count.setText(Messages.processes_listing);
        BackgroundWork.run(Messages.processes_jobList, count.getDisplay(), monitor -> new ProcReader().processes(),
                processes -> {
                    all = processes;
                    showRows();
                }, text -> say(text, true));
    }

    private void showRows() {
        if (count.isDisposed()) {
            return;
        }
        table.show(ProcessFilter.apply(all, filter.getText()));
        count.setText(NLS.bind(Messages.processes_listed, all.size(), table.rows().size()));
    }

    /** What an attach found: the attachment, or why there is none. */
    private record Attached(LiveAttachment attachment, String failure) {
    }

    /** Attaches to the selected process: one probe read first, so a process we cannot read opens no session. */
    void attach() {
        attach(table.selection());
    }

    void attach(ProcessInfo process) {
        if (process == null) {
            say(Messages.processes_noneSelected, true);
            return;
        }
        Duration every = Duration.ofMillis(interval.getSelection());
        LiveAttachment previous = attachment;
        attachment = null;
        say(NLS.bind(Messages.processes_attaching, process.pid()), false);
        BackgroundWork.run(NLS.bind(Messages.processes_jobAttach, process.pid()), count.getDisplay(), monitor -> {
            if (previous != null) {
                previous.stop();
            }
            ProcResult<MapsSnapshot> probe = new ProcReader().maps(process.pid());
            if (!probe.isRead()) {
                return new Attached(null, probe.failure().message());
            }
            Session session = models.openObservedSession(NLS.bind(Messages.processes_sessionName, process.pid(),
                    process.command()));
            models.setCurrent(session);
            return new Attached(new LiveAttachment(process, session, every, this::ended).start(), null);
        }, this::attached, text -> say(NLS.bind(Messages.processes_cannotAttach, text), true));
    }

    private void attached(Attached result) {
        if (message.isDisposed()) {
            if (result.attachment() != null) {
                stopInBackground(result.attachment());
            }
            return;
        }
        if (result.attachment() == null) {
            say(NLS.bind(Messages.processes_cannotAttach, result.failure()), true);
            return;
        }
        attachment = result.attachment();
        if (attachment.running()) {
            say(NLS.bind(Messages.processes_attached, new Object[] { attachment.pid(), interval.getSelection(),
                attachment.session().name() }), false);
        }
    }

    /** Called on the poller's thread when the process exited or stopped being readable. */
    private void ended(ProcFailure failure) {
        BackgroundWork.back(count.getDisplay(), () -> {
            if (message.isDisposed()) {
                return;
            }
            LiveAttachment gone = attachment;
            if (gone != null && gone.pid() == failure.pid()) {
                attachment = null;
                Session session = gone.session();
                say(NLS.bind(Messages.processes_ended, new Object[] { failure.message(), session.name(),
                    session.timeline().size() }), true);
            }
        });
    }

    void detach() {
        LiveAttachment stopping = attachment;
        if (stopping == null) {
            return;
        }
        attachment = null;
        BackgroundWork.run(Messages.processes_detach, count.getDisplay(), monitor -> {
            stopping.stop();
            return stopping.session();
        }, session -> say(NLS.bind(Messages.processes_detached, new Object[] { stopping.pid(), session.name(),
            session.timeline().size() }), false), text -> say(text, true));
    }

    @Inject
    @Optional
    public void selected(@Named(IServiceConstants.ACTIVE_SELECTION) Region region) {
        if (region != null && smaps != null) {
            smaps.select(region);
        }
    }

    void readSmaps() {
        smaps.readSelection();
    }

    void readRollup() {
        smaps.readRollup();
    }

    private void say(String text, boolean bad) {
        MessageLine.show(message, text, bad);
    }

    private static void stopInBackground(LiveAttachment running) {
        Thread stopper = new Thread(running::stop, "vmatlas detach " + running.pid());
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Widgets and state, for tests. */
    ProcessTable table() {
        return table;
    }

    Text filterField() {
        return filter;
    }

    Spinner intervalField() {
        return interval;
    }

    LiveAttachment attachment() {
        return attachment;
    }

    String messageText() {
        return message.getText();
    }

    String smapsText() {
        return smaps.text();
    }

    @Focus
    public void focus() {
        filter.setFocus();
    }

    @PreDestroy
    public void dispose() {
        if (attachment != null) {
            stopInBackground(attachment);
            attachment = null;
        }
    }
}
