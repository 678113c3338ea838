package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.ui.internal.prefs.PreferencesDialog;

/** File > Preferences (Ctrl+,). The map picks up new colours on its next refresh. */
public class PreferencesHandler {

    @Execute
    public void execute(Shell shell) {
        new PreferencesDialog(shell).open();
    }
}
