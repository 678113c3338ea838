package org.vmatlas.ui.internal;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.process.ProcessFamilies;
import org.vmatlas.ui.internal.process.ProcessTreePopup;

/**
 * The toolbar's session chooser: every open session (demo, operations, attached processes, strace
 * replays, scenarios) by name; choosing one makes it the one every part shows. Beside it, Processes opens the
 * tree of the processes of strace logs and live traces ({@link ProcessTreePopup}).
 */
public class SessionSwitcher {

    @Inject
    private RegionModelService models;

    @Inject
    private WorkbenchMoment moment;

    /** The most characters a session's name takes in the toolbar; the whole name is the tooltip. */
    static final int SHORT_NAME = 40;
    private Combo combo;
    private Button processes;
    private List<Session> shown = List.of();
    private UiRefresher refresher;
    private final ModelListener listener = change -> refresher.request();
    private final Runnable familyAdded = () -> refresher.request();

    public SessionSwitcher() {
    }

    /** For tests outside the workbench. */
    SessionSwitcher(RegionModelService models, WorkbenchMoment moment) {
        this.models = models;
        this.moment = moment;
    }

    @PostConstruct
    public void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 0;
        box.setLayout(layout);
        new Label(box, SWT.NONE).setText(Messages.session_label);
        combo = new Combo(box, SWT.READ_ONLY);
        combo.setToolTipText(Messages.session_tip);
        combo.addListener(SWT.Selection, event -> choose(combo.getSelectionIndex()));
        processes = ProcessTreePopup.button(box, models, moment);
        refresher = new UiRefresher(parent.getDisplay(), this::refresh);
        models.addListener(listener);
        ProcessFamilies.addListener(familyAdded);
        refresh();
    }

    void refresh() {
        if (combo.isDisposed()) {
            return;
        }
        shown = models.sessions();
        combo.setItems(shown.stream().map(s -> shortName(s.name())).toArray(String[]::new));
        Session current = models.current();
        int index = current == null ? -1 : shown.indexOf(current);
        if (index >= 0) {
            combo.select(index);
        }
        combo.setToolTipText(current == null ? Messages.session_tip : current.name() + "\n" + Messages.session_tip);
        processes.setEnabled(ProcessTreePopup.hasFamilies(models));
        combo.getParent().getParent().layout(true, true);
    }

    /**
     * A name short enough for the toolbar: an attached process's whole command line would widen the toolbar
     * to several lines. The middle goes, so the start (what it is) and the end (which one) stay.
     */
    static String shortName(String name) {
        String line = name.replaceAll("\\s+", " ");
        int head = SHORT_NAME * 2 / 3;
        int tail = SHORT_NAME - head - 1;
        return line.length() <= SHORT_NAME ? line
                : line.substring(0, head) + "\u2026" + line.substring(line.length() - tail);
    }

    void choose(int index) {
        if (index >= 0 && index < shown.size() && shown.get(index) != models.current()) {
            moment.live();
            models.setCurrent(shown.get(index));
        }
    }

    /** The Processes button, for tests. */
    Button processesButton() {
        return processes;
    }

    /** The names offered, for tests. */
    String[] items() {
        return combo.getItems();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        ProcessFamilies.removeListener(familyAdded);
    }
}
