package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;

/**
 * File > Save session (Ctrl+S): the current session's events into a session file, written off the UI thread
 * (a million events take a moment). The model writes atomically, so a failed save leaves any old file whole.
 */
public class SaveSessionHandler {

    static final String[] FILTER = { "*.vmatlas", "*.*" };

    @CanExecute
    public boolean canExecute(RegionModelService models) {
        return models.current() != null;
    }

    @Execute
    public void execute(Shell shell, RegionModelService models) {
        Session session = models.current();
        if (session == null) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.session_saveTitle);
        dialog.setFilterExtensions(FILTER);
        dialog.setFilterNames(new String[] { Messages.session_filter, "*" });
        dialog.setFileName(session.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".vmatlas");
        dialog.setOverwrite(true);
        String name = dialog.open();
        if (name == null) {
            return;
        }
        Path file = Path.of(name);
        BackgroundWork.runVisible(NLS.bind(Messages.session_jobSave, file.getFileName()), shell.getDisplay(),
                monitor -> save(models, session, file), saved -> { },
                text -> MessageDialog.openError(shell, Messages.session_saveTitle, text));
    }

    /**
     * Writes {@code session} to {@code file}; answers the file.
     *
     * @throws IllegalStateException with a message naming the file and the reason
     */
    public static Path save(RegionModelService models, Session session, Path file) {
        try {
            models.save(session, file);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.session_saveFailed, file, e.getMessage()), e);
        }
    }
}
