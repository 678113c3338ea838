package org.vmatlas.ui.internal.chart;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.model.Timeline;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.Messages;

/**
 * "Show changes": the regions that went away and the ones that appeared between two moments of the
 * timeline, computed by the model from its checkpoints (no replay on the UI side).
 */
public final class ChangesDialog extends Dialog {

    private final Timeline timeline;
    private final int initialFrom;
    private final int initialTo;
    private Spinner from;
    private Spinner to;
    private Text report;

    public ChangesDialog(Shell parent, Timeline timeline, int from, int to) {
        super(parent);
        this.timeline = timeline;
        this.initialFrom = from;
        this.initialTo = to;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.changes_title);
        shell.setSize(760, 520);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(5, false));
        int last = Math.max(-1, timeline.size() - 1);
        new Label(area, SWT.NONE).setText(Messages.changes_after);
        from = new Spinner(area, SWT.BORDER);
        from.setValues(initialFrom, -1, last, 0, 1, 10);
        new Label(area, SWT.NONE).setText(Messages.changes_toAfter);
        to = new Spinner(area, SWT.BORDER);
        to.setValues(initialTo, -1, last, 0, 1, 10);
        Button show = new Button(area, SWT.PUSH);
        show.setText(Messages.changes_show);
        show.addListener(SWT.Selection, event -> showChanges());
        report = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        report.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        showChanges();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private void showChanges() {
        report.setText(describe(timeline, from.getSelection(), to.getSelection()));
    }

    /** The changes as text: one line per region removed or added. */
    public static String describe(Timeline timeline, int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        RegionDiff diff = timeline.changesBetween(lo, hi);
        if (diff.isEmpty()) {
            return NLS.bind(Messages.changes_none, lo, hi);
        }
        StringBuilder text = new StringBuilder();
        text.append(NLS.bind(Messages.changes_summary, new Object[] { diff.removed().size(), diff.added().size(), lo, hi }))
                .append("\n\n");
        for (Region region : diff.removed()) {
            text.append("- ").append(RegionText.describe(region).replace('\n', ' ')).append('\n');
        }
        for (Region region : diff.added()) {
            text.append("+ ").append(RegionText.describe(region).replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }
}
