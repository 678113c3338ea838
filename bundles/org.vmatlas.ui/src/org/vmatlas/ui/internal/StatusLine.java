package org.vmatlas.ui.internal;

import java.nio.file.Path;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.vmatlas.model.Event;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.export.ExportReport;
import org.vmatlas.ui.internal.export.FolderOpener;

/**
 * The bottom line of the window: the event the workbench shows, with its result or errno, in red
 * when the call failed or raised a conflict.
 */
public class StatusLine {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    @Inject
    private ExportReport exports;

    private Label label;
    private Link written;
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable momentListener = this::refresh;
    private final Consumer<Path> wroteListener = this::wrote;

    @PostConstruct
    public void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 0;
        layout.marginTop = 2;
        // a window manager's bottom frame may cover the window's last pixels (openbox: 5): keep the text above
        layout.marginBottom = 6;
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.setText(Messages.status_ready);
        written = new Link(box, SWT.NONE);
        written.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        written.addListener(SWT.Selection, event -> openFolder());
        exports.addListener(wroteListener);
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        moment.addListener(momentListener);
    }

    private void refresh() {
        if (label.isDisposed()) {
            return;
        }
        Session session = models.current();
        if (session == null || session.timeline().size() == 0) {
            label.setText(Messages.status_ready);
            return;
        }
        int index = moment.effectiveIndex(session);
        if (index < 0) {
            label.setText(Messages.status_beforeFirst);
            return;
        }
        Event event = session.timeline().event(index);
        String prefix = moment.isLive() ? "" : Messages.status_pastPrefix;
        // a timeline that could not write its older events to disk holds them in memory: say so while it grows
        String storage = session.timeline().size() > 16_384 ? session.timeline().storage().problem() : null;
        label.setText(prefix + "#" + index + "  " + event.describe() + (storage == null ? "" : "   " + storage));
        boolean bad = event.failed() || !event.conflicts().isEmpty() || storage != null;
        label.setForeground(label.getDisplay().getSystemColor(bad ? SWT.COLOR_DARK_RED : SWT.COLOR_WIDGET_FOREGROUND));
        label.getParent().layout();
    }

    /** Names the file an export wrote, with a link to its folder. */
    private void wrote(Path file) {
        if (written.isDisposed()) {
            return;
        }
        written.setText(NLS.bind(Messages.export_wrote, file) + "  " + Messages.export_openFolder);
        written.setToolTipText(file.getParent() == null ? "" : file.getParent().toString());
        written.getParent().layout();
    }

    private void openFolder() {
        Path file = exports.last();
        Path folder = file == null ? null : file.getParent();
        if (folder != null && !FolderOpener.open(folder)) {
            written.setText(NLS.bind(Messages.export_noDesktop, folder));
            written.getParent().layout();
        }
    }

    /** The export line's text, for tests. */
    public String exportText() {
        return written.getText();
    }

    public String text() {
        return label.getText();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        moment.removeListener(momentListener);
        exports.removeListener(wroteListener);
    }
}
