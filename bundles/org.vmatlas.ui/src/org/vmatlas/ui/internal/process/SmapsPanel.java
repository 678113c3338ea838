package org.vmatlas.ui.internal.process;

import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.Region;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Widgets;

/**
 * The picker's memory figures, read on demand off the UI thread: {@code smaps} summed over the region
 * selected in the map or the table, and {@code smaps_rollup} for the whole attached process.
 */
final class SmapsPanel {

    private final Supplier<LiveAttachment> attached;
    private final Label figures;
    private volatile Region selected;

    SmapsPanel(Composite parent, int span, Supplier<LiveAttachment> attached) {
        this.attached = attached;
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
        Widgets.button(row, Messages.processes_smaps, this::readSelection);
        Widgets.button(row, Messages.processes_rollup, this::readRollup);
        figures = new Label(parent, SWT.WRAP);
        figures.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, span, 1));
    }

    void select(Region region) {
        selected = region;
    }

    /** Forgets the figures shown: they were of another process. */
    void clear() {
        show("");
    }

    void readSelection() {
        Region region = selected;
        if (attached.get() != null && region == null) {
            figures.setText(Messages.processes_smapsNoRegion);
            return;
        }
        read(pid -> SmapsText.ofRegion(pid, region));
    }

    void readRollup() {
        read(SmapsText::rollup);
    }

    private void read(Function<Long, String> reading) {
        LiveAttachment current = attached.get();
        if (current == null) {
            figures.setText(Messages.processes_smapsNoAttach);
            return;
        }
        BackgroundWork.run(NLS.bind(Messages.processes_jobSmaps, current.pid()), figures.getDisplay(),
                monitor -> reading.apply(current.pid()), this::show, this::show);
    }

    private void show(String text) {
        if (!figures.isDisposed()) {
            figures.setText(text);
            figures.getParent().layout();
        }
    }

    String text() {
        return figures.getText();
    }
}
