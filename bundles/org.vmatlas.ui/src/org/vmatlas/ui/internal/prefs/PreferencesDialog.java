package org.vmatlas.ui.internal.prefs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.prefs.BackingStoreException;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.Messages;

/** File > Preferences: arena size, poll interval, demo pace and the map's colours (as #rrggbb). */
public final class PreferencesDialog extends Dialog {

    private Spinner arena;
    private Spinner poll;
    private Spinner pace;
    private final Text[] colours = new Text[VmatlasPreferences.COLOURED_PROTS.length];
    private Label problem;

    public PreferencesDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.prefs_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        arena = spinner(area, Messages.prefs_arena, (int) VmatlasPreferences.arenaMiB(), 16, 1 << 20);
        poll = spinner(area, Messages.prefs_poll, VmatlasPreferences.pollMillis(), 50, 60_000);
        pace = spinner(area, Messages.prefs_pace, VmatlasPreferences.demoPaceMillis(), 0, 10_000);
        for (int i = 0; i < colours.length; i++) {
            int prot = VmatlasPreferences.COLOURED_PROTS[i];
            new Label(area, SWT.NONE).setText(NLS.bind(Messages.prefs_colourOf, Prot.letters(prot)));
            colours[i] = new Text(area, SWT.BORDER);
            colours[i].setText(String.format("#%06x", MapColors.ofProt(prot)));
            colours[i].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
        problem = new Label(area, SWT.WRAP);
        problem.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return area;
    }

    private static Spinner spinner(Composite area, String label, int value, int min, int max) {
        new Label(area, SWT.NONE).setText(label);
        Spinner spinner = new Spinner(area, SWT.BORDER);
        spinner.setValues(value, min, max, 0, 1, 10);
        return spinner;
    }

    @Override
    protected void okPressed() {
        int[] rgb = new int[colours.length];
        for (int i = 0; i < colours.length; i++) {
            String text = colours[i].getText().trim().replaceFirst("^#", "");
            try {
                rgb[i] = Integer.parseInt(text, 16);
                if (text.length() != 6) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problem.setText(NLS.bind(Messages.prefs_notColour, colours[i].getText()));
                return;
            }
        }
        try {
            VmatlasPreferences.store(arena.getSelection(), poll.getSelection(), pace.getSelection(), rgb);
        } catch (BackingStoreException e) {
            MessageDialog.openError(getShell(), Messages.prefs_title, NLS.bind(Messages.prefs_saveFailed, e.getMessage()));
            return;
        }
        super.okPressed();
    }
}
