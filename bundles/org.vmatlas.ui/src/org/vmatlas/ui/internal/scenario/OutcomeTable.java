package org.vmatlas.ui.internal.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.vmatlas.sources.scenario.StepOutcome;
import org.vmatlas.ui.internal.ColumnFit;
import org.vmatlas.ui.internal.Messages;

/**
 * The steps a scenario ran, one row each (line, text, outcome): failed calls and unmet expectations in
 * dark red; rows marked as differing (the comparison) on a red background. Lessons are short, so rows
 * are real items added as steps arrive.
 */
public final class OutcomeTable {

    private static final Color DIFFERS = new Color(255, 190, 190);
    private final Table table;
    private final List<StepOutcome> outcomes = new ArrayList<>();

    public OutcomeTable(Composite parent) {
        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(Messages.scenario_columnLine, 50);
        column(Messages.scenario_columnStep, 260);
        column(Messages.scenario_columnOutcome, 380);
        ColumnFit.install(table, new int[] { 8, 40, 52 }, new int[] { 40, 100, 100 });
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    public void add(StepOutcome outcome) {
        outcomes.add(outcome);
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] { Integer.toString(outcome.step().line()), outcome.step().text(),
            OutcomeText.of(outcome) });
        if (OutcomeText.bad(outcome)) {
            item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        table.showItem(item);
    }

    /** Replaces the rows; those whose index is in {@code differing} get the red background. */
    public void show(List<StepOutcome> all, Set<Integer> differing) {
        clear();
        all.forEach(this::add);
        for (int index : differing) {
            if (index < table.getItemCount()) {
                table.getItem(index).setBackground(DIFFERS);
            }
        }
        if (table.getItemCount() > 0) {
            table.showItem(table.getItem(0));
        }
    }

    public void clear() {
        outcomes.clear();
        table.removeAll();
    }

    /** Whether the row at {@code index} is highlighted as differing. */
    public boolean highlighted(int index) {
        return DIFFERS.equals(table.getItem(index).getBackground());
    }

    public List<StepOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public Table control() {
        return table;
    }
}
