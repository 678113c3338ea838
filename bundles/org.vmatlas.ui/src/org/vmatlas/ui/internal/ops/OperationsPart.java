package org.vmatlas.ui.internal.ops;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.vmatlas.model.Call;
import org.vmatlas.model.Event;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.ui.internal.MessageLine;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.Scrolling;
import org.vmatlas.ui.internal.UiRefresher;

/**
 * The operations panel: a form per call, a live preview of what the call would do to the current session
 * (re-evaluated as the user types, on a copy), and "Run", which applies it off the UI thread.
 */
public class OperationsPart {

    /** Typing pauses this long before the preview is computed again. */
    private static final int PREVIEW_DELAY_MS = 120;
    /** Below this width the forms scroll sideways rather than squeeze their fields. */
    private static final int MIN_WIDTH = 300;

    @Inject
    private RegionModelService models;

    private final List<OperationForm> forms = List.of(new MmapForm(), new RangeForm(RangeForm.Kind.MUNMAP),
            new RangeForm(RangeForm.Kind.MPROTECT), new MremapForm(), new RangeForm(RangeForm.Kind.MADVISE),
            new GoTransitionForm(), new MemfdForm(MemfdForm.Kind.CREATE), new MemfdForm(MemfdForm.Kind.FTRUNCATE));
    private NewSessionRow chooser;
    private TabFolder tabs;
    private Label preview;
    private Label conflicts;
    private Button run;
    private Label result;
    private CallRunner runner;
    private Scrolling scrolling;
    private UiRefresher refresher;
    private final Runnable previewTask = this::updatePreview;
    private final ModelListener listener = change -> refresher.request();

    public OperationsPart() {
    }

    /** For tests outside the workbench. */
    OperationsPart(RegionModelService models) {
        this.models = models;
    }

    @PostConstruct
    public void create(Composite part) {
        scrolling = Scrolling.in(part, MIN_WIDTH);
        Composite parent = scrolling.content();
        parent.setLayout(new GridLayout(1, false));
        chooser = new NewSessionRow(parent, models);
        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        for (OperationForm form : forms) {
            TabItem item = new TabItem(tabs, SWT.NONE);
            item.setText(form.title());
            item.setControl(form.create(new FormFields(tabs, this::schedulePreview)));
        }
        tabs.addListener(SWT.Selection, event -> updatePreview());
        preview = new Label(parent, SWT.WRAP);
        preview.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        conflicts = new Label(parent, SWT.WRAP);
        conflicts.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        conflicts.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite bottom = new Composite(parent, SWT.NONE);
        bottom.setLayout(new GridLayout(2, false));
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        run = new Button(bottom, SWT.PUSH);
        run.setText(Messages.ops_run);
        run.addListener(SWT.Selection, event -> runCall());
        result = new Label(bottom, SWT.WRAP);
        result.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        runner = new CallRunner(parent.getDisplay());
        refresher = new UiRefresher(parent.getDisplay(), this::updatePreview);
        models.addListener(listener);
        updatePreview();
    }

    private void schedulePreview() {
        preview.getDisplay().timerExec(PREVIEW_DELAY_MS, previewTask);
    }

    /** The call the selected form describes; throws with a message when a field cannot be read. */
    Call currentCall(Session session) {
        Long arena = session == null || session.arena() == null ? null : session.arena().start();
        return forms.get(Math.max(0, tabs.getSelectionIndex())).call(arena);
    }

    void updatePreview() {
        if (preview.isDisposed()) {
            return;
        }
        Session session = models.current();
        String effects;
        String trouble = "";
        if (session == null) {
            effects = Messages.ops_noSession;
        } else {
            try {
                PreviewText text = PreviewText.of(session.preview(currentCall(session)), session.mapCountLimit());
                effects = text.effects();
                trouble = text.conflicts();
            } catch (RuntimeException e) {
                // a field that cannot be read, or a call the rules cannot preview: say why, keep typing
                effects = "";
                trouble = e.getMessage();
            }
        }
        run.setEnabled(!effects.isEmpty() && session != null);
        preview.setText(effects);
        conflicts.setText(trouble);
        scrolling.fit();
    }

    /** Applies the form's call to the current session on the runner's thread. */
    void runCall() {
        Session session = models.current();
        if (session == null) {
            result.setText(Messages.ops_noSession);
            return;
        }
        Call call;
        try {
            call = currentCall(session);
        } catch (IllegalArgumentException e) {
            showResult(e.getMessage(), true);
            return;
        }
        run.setEnabled(false);
        result.setText(Messages.ops_running);
        runner.run(session, call, this::showEvent, message -> showResult(message, true));
    }

    private void showEvent(Event event) {
        showResult("#" + event.sequence() + "  " + event.describe(), event.failed() || !event.conflicts().isEmpty());
    }

    private void showResult(String text, boolean bad) {
        if (result.isDisposed()) {
            return;
        }
        run.setEnabled(true);
        MessageLine.show(result, text, bad);
        scrolling.fit();
    }

    /** Widgets and forms, for tests. */
    NewSessionRow chooser() {
        return chooser;
    }

    void selectForm(int index) {
        tabs.setSelection(index);
    }

    <T extends OperationForm> T form(Class<T> type, int index) {
        return type.cast(forms.get(index));
    }

    String previewText() {
        return preview.getText();
    }

    String conflictText() {
        return conflicts.getText();
    }

    String resultText() {
        return result.getText();
    }

    @PreDestroy
    public void dispose() {
        models.removeListener(listener);
        runner.shutdown();
    }
}
