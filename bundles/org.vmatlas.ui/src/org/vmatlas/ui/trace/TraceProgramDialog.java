package org.vmatlas.ui.trace;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Run > Trace program...: the command line and the folder to run it in. */
public class TraceProgramDialog extends Dialog {

    private Text command;
    private Text directory;
    private Label problem;
    private List<String> words = List.of();
    private Path folder;

    public TraceProgramDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.trace_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText(Messages.trace_command);
        command = new Text(area, SWT.BORDER);
        command.setMessage(Messages.trace_commandHint);
        GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
        wide.widthHint = 420;
        command.setLayoutData(wide);
        new Label(area, SWT.NONE).setText(Messages.trace_directory);
        directory = new Text(area, SWT.BORDER);
        directory.setText(System.getProperty("user.home", "/"));
        directory.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        problem = new Label(area, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return area;
    }

    /** For tests: fills the fields as a user would. */
    void fill(String line, String folderName) {
        command.setText(line);
        directory.setText(folderName);
    }

    @Override
    protected void okPressed() {
        words = CommandLine.words(command.getText());
        if (words.isEmpty()) {
            problem.setText(Messages.trace_noCommand);
            problem.getParent().layout(true);
            return;
        }
        String dir = directory.getText().strip();
        folder = dir.isEmpty() ? null : Path.of(dir);
        super.okPressed();
    }

    /** The program and its arguments, after OK. */
    public List<String> command() {
        return words;
    }

    /** The working directory, or {@code null} for vmatlas's own. */
    public Path directory() {
        return folder;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.trace_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
