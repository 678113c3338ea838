package org.vmatlas.ui.trace;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;

/** Run > Trace program...: asks for a command line, runs it under strace, shows its first address space. */
public class TraceProgramHandler {

    @Execute
    public void execute(Shell shell, RegionModelService models) {
        TraceProgramDialog dialog = new TraceProgramDialog(shell);
        if (dialog.open() != Window.OK) {
            return;
        }
        Tracing.launch(dialog.command(), dialog.directory(), models, shell.getDisplay(), (text, bad) -> {
            if (bad && !shell.isDisposed()) {
                MessageDialog.openError(shell, Messages.trace_title, text);
            }
        });
    }
}
