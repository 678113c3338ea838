package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.SessionFileException;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * File > Open session (Ctrl+O): reads a session file off the UI thread and makes it current. The model checks
 * the whole file before opening anything, so a damaged file gives one clear error and loads nothing.
 */
public class OpenSessionHandler {

    @Execute
    public void execute(Shell shell, RegionModelService models, WorkbenchMoment moment) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.session_openTitle);
        dialog.setFilterExtensions(SaveSessionHandler.FILTER);
        dialog.setFilterNames(new String[] { Messages.session_filter, "*" });
        String name = dialog.open();
        if (name == null) {
            return;
        }
        Path file = Path.of(name);
        BackgroundWork.runVisible(NLS.bind(Messages.session_jobOpen, file.getFileName()), shell.getDisplay(),
                monitor -> open(models, file), session -> {
                    models.setCurrent(session);
                    moment.live();
                }, text -> MessageDialog.openError(shell, Messages.session_openTitle, text));
    }

    /**
     * Loads {@code file} as a new session (not made current).
     *
     * @throws IllegalStateException with a message naming the file, the bad line when known, and the reason
     */
    public static Session open(RegionModelService models, Path file) {
        try {
            return models.load(file);
        } catch (SessionFileException e) {
            // the model's message already names the file and the line
            throw new IllegalStateException(NLS.bind(Messages.session_damaged, e.getMessage()), e);
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.session_openFailed, file, e.getMessage()), e);
        }
    }
}
