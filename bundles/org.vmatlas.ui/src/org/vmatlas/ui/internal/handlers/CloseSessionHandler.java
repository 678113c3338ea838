package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * File > Close session (Ctrl+W): forgets the current session after asking, since its events are gone
 * unless saved; a native sandbox gives its arena back. The most recent other session takes its place.
 */
public class CloseSessionHandler {

    @CanExecute
    public boolean canExecute(RegionModelService models) {
        return models.current() != null;
    }

    @Execute
    public void execute(RegionModelService models, WorkbenchMoment moment, Shell shell) {
        Session session = models.current();
        if (session != null && MessageDialog.openQuestion(shell, Messages.session_closeTitle,
                NLS.bind(Messages.session_closeQuestion, session.name(), session.timeline().size()))) {
            moment.live();
            models.close(session);
        }
    }
}
