package org.vmatlas.ui.internal.ops;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.OpenedSession;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.Messages;

/**
 * The top row of the operations panel: a kernel chooser and "New session", which opens a session on a
 * fresh kernel and makes it current. A native sandbox that cannot be opened gives a message, never a crash.
 */
final class NewSessionRow {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final RegionModelService models;
    private final Combo kernels;
    private final Label message;

    NewSessionRow(Composite parent, RegionModelService models) {
        this.models = models;
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(4, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        new Label(row, SWT.NONE).setText(Messages.ops_kernel);
        kernels = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (KernelChoice choice : KernelChoice.values()) {
            kernels.add(choice.label());
        }
        kernels.select(0);
        kernels.setToolTipText(KernelChoice.NATIVE.rules());
        kernels.addListener(SWT.Selection, event -> kernels.setToolTipText(choice().rules()));
        Button open = new Button(row, SWT.PUSH);
        open.setText(Messages.ops_newSession);
        open.addListener(SWT.Selection, event -> openSession());
        message = new Label(row, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    KernelChoice choice() {
        return KernelChoice.values()[Math.max(0, kernels.getSelectionIndex())];
    }

    void choose(KernelChoice choice) {
        kernels.select(choice.ordinal());
    }

    /** Opens a session on the chosen kernel and makes it current; answers it, or {@code null} on failure. */
    Session openSession() {
        KernelChoice choice = choice();
        OpenedSession opened = models.open(choice.label() + " #" + COUNTER.incrementAndGet(), choice.spec());
        if (!opened.isOpen()) {
            // no native access, not Linux, or no room for the arena: say so and keep the workbench running
            showError(NLS.bind(Messages.ops_kernelFailed, choice.label(), opened.reason()));
            return null;
        }
        Session session = opened.session();
        models.setCurrent(session);
        message.setForeground(null);
        message.setText(NLS.bind(Messages.ops_sessionOpened, session.name()));
        message.getParent().layout();
        return session;
    }

    private void showError(String text) {
        message.setForeground(message.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        message.setText(text);
        message.getParent().layout();
    }

    String messageText() {
        return message.getText();
    }
}
