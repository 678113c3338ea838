package org.vmatlas.ui.internal.compare;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.sources.scenario.Scenario;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Widgets;
import org.vmatlas.ui.internal.ops.KernelChoice;

/** The comparison's top row: scenario, Open script, the two personalities (simulated only), Run both. */
final class CompareControls {

    /** Simulated kernels only: a comparison runs anywhere and never touches the real process. */
    private static final List<KernelChoice> KERNELS = List.of(KernelChoice.LINUX, KernelChoice.AIX, KernelChoice.NETBSD);
    private final Combo scenarios;
    private final Combo left;
    private final Combo right;
    private final Button run;

    CompareControls(Composite parent, List<Scenario> lessons, ComparePart part) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(8, false);
        layout.marginWidth = 0;
        row.setLayout(layout);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(row, SWT.NONE).setText(Messages.compare_scenario);
        scenarios = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        scenarios.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        lessons.forEach(lesson -> scenarios.add(lesson.title()));
        scenarios.select(0);
        Widgets.button(row, Messages.scenario_openScript, part::openScriptDialog);
        left = kernelCombo(row, Messages.compare_left, KernelChoice.LINUX);
        right = kernelCombo(row, Messages.compare_right, KernelChoice.AIX);
        run = Widgets.button(row, Messages.compare_runBoth, part::runBoth);
    }

    private static Combo kernelCombo(Composite row, String title, KernelChoice initial) {
        new Label(row, SWT.NONE).setText(title);
        Combo combo = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        KERNELS.forEach(choice -> combo.add(choice.label()));
        combo.select(KERNELS.indexOf(initial));
        return combo;
    }

    void addScenario(String title) {
        scenarios.add(title);
        scenarios.select(scenarios.getItemCount() - 1);
    }

    int scenarioIndex() {
        return Math.max(0, scenarios.getSelectionIndex());
    }

    void selectScenario(int index) {
        scenarios.select(index);
    }

    KernelChoice left() {
        return KERNELS.get(Math.max(0, left.getSelectionIndex()));
    }

    KernelChoice right() {
        return KERNELS.get(Math.max(0, right.getSelectionIndex()));
    }

    void choose(KernelChoice leftChoice, KernelChoice rightChoice) {
        left.select(KERNELS.indexOf(leftChoice));
        right.select(KERNELS.indexOf(rightChoice));
    }

    void setRunning(boolean running) {
        if (!run.isDisposed()) {
            run.setEnabled(!running);
        }
    }
}
