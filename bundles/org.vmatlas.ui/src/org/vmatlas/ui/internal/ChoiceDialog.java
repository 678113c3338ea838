package org.vmatlas.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Shell;

/**
 * A question with a list of answers, however many: the answers scroll in a list of a few rows and the
 * question wraps, so the dialog fits a 1366×768 screen where a row of one button per answer would not.
 */
public final class ChoiceDialog extends Dialog {

    private static final int TEXT_WIDTH = 460;
    private static final int VISIBLE_ROWS = 8;
    private final String title;
    private final String question;
    private final String[] choices;
    private int chosen;
    private List list;

    public ChoiceDialog(Shell parent, String title, String question, String[] choices, int initial) {
        super(parent);
        this.title = title;
        this.question = question;
        this.choices = choices.clone();
        this.chosen = initial;
    }

    /** The index of the answer, or -1 when cancelled. */
    public int ask() {
        return open() == OK ? chosen : -1;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label text = new Label(area, SWT.WRAP);
        text.setText(question);
        GridData textData = new GridData(SWT.FILL, SWT.TOP, true, false);
        textData.widthHint = TEXT_WIDTH;
        text.setLayoutData(textData);
        list = new List(area, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        list.setItems(choices);
        list.select(Math.max(0, chosen));
        GridData listData = new GridData(SWT.FILL, SWT.FILL, true, true);
        listData.heightHint = list.getItemHeight() * Math.min(VISIBLE_ROWS, Math.max(3, choices.length));
        list.setLayoutData(listData);
        list.addListener(SWT.Selection, event -> chosen = list.getSelectionIndex());
        list.addListener(SWT.DefaultSelection, event -> okPressed());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.min(size.x, TEXT_WIDTH + 80), size.y);
    }

    /** The list, for tests. */
    List list() {
        return list;
    }
}
