package org.vmatlas.ui.internal.scenario;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Widgets;
import org.vmatlas.ui.internal.ops.KernelChoice;

/** The scenario runner's controls: lesson list, Open script, kernel, Step / Run / Pause / Restart, speed. */
final class ScenarioControls {

    private final org.eclipse.swt.widgets.List lessonList;
    private final Combo kernels;
    private final Spinner speed;
    private final Button step;
    private final Button run;
    private final Button pause;
    private Font large;

    ScenarioControls(Composite parent, List<String> lessons, ScenarioPart part) {
        Composite top = Widgets.row(parent, 2, 1);
        new Label(top, SWT.NONE).setText(Messages.scenario_lessons);
        Widgets.button(top, Messages.scenario_openScript, part::openScriptDialog);
        lessonList = new org.eclipse.swt.widgets.List(top, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        GridData listData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        listData.heightHint = lessonList.getItemHeight() * Math.min(8, Math.max(3, lessons.size()));
        lessonList.setLayoutData(listData);
        lessons.forEach(lessonList::add);
        lessonList.addListener(SWT.Selection, event -> {
            if (lessonList.getSelectionIndex() >= 0) {
                part.selectLesson(lessonList.getSelectionIndex());
            }
        });
        Composite kernelRow = Widgets.row(parent, 2, 1);
        new Label(kernelRow, SWT.NONE).setText(Messages.ops_kernel);
        kernels = new Combo(kernelRow, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (KernelChoice choice : KernelChoice.values()) {
            kernels.add(choice.label());
        }
        kernels.select(KernelChoice.LINUX.ordinal());
        kernels.setToolTipText(kernel().rules());
        kernels.addListener(SWT.Selection, event -> {
            kernels.setToolTipText(kernel().rules());
            part.restart();
        });
        // the buttons wrap to a second line in a narrow part rather than leave the window
        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout flow = new RowLayout(SWT.HORIZONTAL);
        flow.wrap = true;
        flow.center = true;
        flow.marginLeft = 0;
        buttons.setLayout(flow);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        step = Widgets.button(buttons, Messages.scenario_step, part::step);
        run = Widgets.button(buttons, Messages.scenario_run, part::run);
        pause = Widgets.button(buttons, Messages.scenario_pause, part::pause);
        Widgets.button(buttons, Messages.scenario_restart, part::restart);
        new Label(buttons, SWT.NONE).setText(Messages.scenario_speed);
        speed = new Spinner(buttons, SWT.BORDER);
        speed.setValues(2, 1, 100, 0, 1, 5);
        speed.addListener(SWT.Selection, event -> part.speedChanged());
    }

    /** Narration is the lesson's voice: a larger, bold font. */
    void enlarge(Control control) {
        FontData[] data = control.getFont().getFontData();
        for (FontData d : data) {
            d.setHeight(Math.round(d.getHeight() * 1.5f));
            d.setStyle(SWT.BOLD);
        }
        large = new Font(control.getDisplay(), data);
        control.setFont(large);
        control.addListener(SWT.Dispose, event -> large.dispose());
    }

    void enable(boolean runnable, boolean playing) {
        step.setEnabled(runnable && !playing);
        run.setEnabled(runnable && !playing);
        pause.setEnabled(playing);
    }

    /** The real Go lesson runs on the machine's own kernel: the choice of a simulated one does not apply. */
    void kernelApplies(boolean applies) {
        kernels.setEnabled(applies);
    }

    boolean kernelApplies() {
        return kernels.isEnabled();
    }

    boolean stepEnabled() {
        return step.isEnabled();
    }

    boolean runEnabled() {
        return run.isEnabled();
    }

    void showLesson(int index) {
        lessonList.setSelection(index);
    }

    void showScript(String name) {
        lessonList.deselectAll();
        lessonList.setToolTipText(name);
    }

    KernelChoice kernel() {
        return KernelChoice.values()[Math.max(0, kernels.getSelectionIndex())];
    }

    /** For tests: as if the user chose, without the restart a user's choice makes. */
    void chooseKernel(KernelChoice choice) {
        kernels.select(choice.ordinal());
    }

    int stepsPerSecond() {
        return speed.getSelection();
    }

    void setStepsPerSecond(int value) {
        speed.setSelection(value);
    }

    List<String> lessonTitles() {
        return List.of(lessonList.getItems());
    }
}
