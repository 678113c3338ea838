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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.sources.live.MapsPoller;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcessInfo;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.MessageLine;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Scrolling;
import org.vmatlas.ui.internal.Widgets;
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

    /** Process rows shown at least; a taller part gives the table the rest. */
    private static final int TABLE_ROWS = 8;
    private static final int MIN_WIDTH = 300;
    /** How often the list is read again while the part is visible. */
    static final int LIST_MILLIS = 3000;
    private boolean listing;
    /** The chosen process last said to be missing from the list, so that it is said once. */
    private long notListed = -1;
    private long attachedPid = -1;
    private Scrolling scrolling;
    private Text filter;
    private Label count;
    private ProcessTable table;
    private Spinner interval;
    private Label message;
    private SmapsPanel smaps;
    private List<ProcessInfo> all = List.of();
    private Attacher attacher;

    public ProcessPickerPart() {
    }

    /** For tests outside the workbench. */
    ProcessPickerPart(RegionModelService models) {
        this.models = models;
    }

    @PostConstruct
    public void create(Composite part) {
        scrolling = Scrolling.in(part, MIN_WIDTH);
        Composite parent = scrolling.content();
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.processes_filter);
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH);
        filter.setMessage(Messages.processes_filterHint);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, event -> showRows());
        Widgets.button(parent, Messages.processes_refresh, this::refresh);
        count = new Label(parent, SWT.NONE);
        count.setLayoutData(new GridData(160, SWT.DEFAULT));
        table = new ProcessTable(parent);
        GridData rows = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        // a height of its own, or the scrolled part would make room for every process and never scroll the table
        rows.heightHint = table.control().getHeaderHeight() + TABLE_ROWS * table.control().getItemHeight();
        table.control().setLayoutData(rows);
        table.control().addListener(SWT.DefaultSelection, event -> attach());
        createAttachRow(parent);
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        attacher = new Attacher(models, parent.getDisplay(), new Attacher.Reporter() {
            @Override
            public void say(String text, boolean bad) {
                ProcessPickerPart.this.say(text, bad);
            }

            @Override
            public boolean gone() {
                return message.isDisposed();
            }
        });
        smaps = new SmapsPanel(parent, 4, attacher::attachment);
        refresh();
        parent.getDisplay().timerExec(LIST_MILLIS, this::tick);
    }

    /** Reads the list again every few seconds while the part is on screen, one reading at a time. */
    private void tick() {
        if (count.isDisposed()) {
            return;
        }
        if (table.control().isVisible() && !listing) {
            refresh();
        }
        count.getDisplay().timerExec(LIST_MILLIS, this::tick);
    }

    private void createAttachRow(Composite parent) {
        Composite row = Widgets.row(parent, 5, 4);
        new Label(row, SWT.NONE).setText(Messages.processes_interval);
        interval = new Spinner(row, SWT.BORDER);
        interval.setValues(VmatlasPreferences.pollMillis(), 50, 60_000, 0, 100, 1000);
        interval.setToolTipText(Messages.processes_intervalTip);
        Widgets.button(row, Messages.processes_attach, this::attach);
        Widgets.button(row, Messages.processes_detach, this::detach);
        Widgets.button(row, org.vmatlas.ui.trace.Messages.trace_button, this::trace)
                .setToolTipText(org.vmatlas.ui.trace.Messages.trace_buttonTip);
    }

    /** Lists the processes again, reading {@code /proc} off the UI thread. */
    void refresh() {
        listing = true;
        if (all.isEmpty()) {
            count.setText(Messages.processes_listing);
        }
        BackgroundWork.run(Messages.processes_jobList, count.getDisplay(), monitor -> new ProcReader().processes(),
                processes -> {
                    listing = false;
                    all = processes;
                    showRows();
                }, text -> {
                    listing = false;
                    say(text, true);
                });
    }

    private void showRows() {
        if (count.isDisposed()) {
            return;
        }
        long gone = table.show(ProcessFilter.apply(all, filter.getText()));
        count.setText(NLS.bind(Messages.processes_listed, all.size(), table.rows().size()));
        // the attached process's end is said by the attacher
        if (gone > 0 && gone != notListed && gone != attachedPid) {
            say(NLS.bind(Messages.processes_notListed, gone), false);
        }
        notListed = gone;
    }

    /** Attaches to the selected process. */
    void attach() {
        attach(table.selection());
    }

    void attach(ProcessInfo process) {
        if (process == null) {
            say(Messages.processes_noneSelected, true);
            return;
        }
        smaps.clear();
        attachedPid = process.pid();
        attacher.attach(process, Duration.ofMillis(interval.getSelection()));
    }

    void detach() {
        attacher.detach();
        org.vmatlas.ui.trace.Tracing.stop();
    }

    /** Attaches strace to the selected process: every call it makes, not only what polling sees. */
    void trace() {
        ProcessInfo process = table.selection();
        if (process == null) {
            say(org.vmatlas.ui.trace.Messages.trace_noneSelected, true);
            return;
        }
        org.vmatlas.ui.trace.Tracing.attach(process.pid(), models, message.getDisplay(), (text, bad) -> {
            if (!message.isDisposed()) {
                say(text, bad);
            }
        });
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
        scrolling.fit();
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
        return attacher.attachment();
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
        attacher.stopQuietly();
    }
}
