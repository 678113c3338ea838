package org.vmatlas.ui.internal.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.ui.internal.ChoiceDialog;
import org.vmatlas.ui.internal.StatusLine;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.export.ExportReport;
import org.vmatlas.ui.internal.export.FolderOpener;

/** A question with many answers fits a 1366×768 screen; an export names its file; table headers fit their columns. */
class DialogAndStatusTest {

    private final Display display = Display.getDefault();
    private Shell shell;

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void aQuestionOfSixtyPidsFitsTheSmallScreen() {
        shell = new Shell(display);
        shell.setBounds(0, 0, 1366, 768);
        shell.open();
        String[] pids = new String[60];
        for (int i = 0; i < pids.length; i++) {
            pids[i] = "pid " + (1000 + i) + " (" + (i * 37) + " calls)";
        }
        ChoiceDialog dialog = new ChoiceDialog(shell, "Open strace log", "trace.log holds calls of 60 processes or threads. "
                + "A memory trace cannot tell a forked child from a thread: replay them together, or one of them?", pids, 0);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Rectangle bounds = dialog.getShell().getBounds();
            assertTrue(bounds.width <= 1366 && bounds.height <= 768, "fits 1366x768: " + bounds);
            for (Control button : dialog.getShell().getChildren()) {
                assertTrue(button.getBounds().y + button.getBounds().height <= dialog.getShell().getClientArea().height,
                        "inside the dialog: " + button);
            }
        } finally {
            dialog.close();
        }
    }

    @Test
    void theStatusLineNamesTheExportAndItsFolder() throws Exception {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1366, 60);
        RegionModelService models = SimulatedSessions.service();
        IEclipseContext context = EclipseContextFactory.create("status");
        context.set(RegionModelService.class, models);
        context.set(WorkbenchMoment.class, new WorkbenchMoment());
        context.set(Composite.class, shell);
        ExportReport report = new ExportReport();
        context.set(ExportReport.class, report);
        StatusLine status = ContextInjectionFactory.make(StatusLine.class, context);
        shell.open();
        Path file = folder.resolve("map.png");
        java.nio.file.Files.writeString(file, "x");
        report.wrote(file);
        assertTrue(status.exportText().contains(file.toString()), status.exportText());
        assertTrue(status.exportText().contains("Open folder"), status.exportText());
        if (!FolderOpener.desktopPresent()) {
            Link link = findLink(shell);
            link.notifyListeners(SWT.Selection, new Event());
            assertTrue(status.exportText().startsWith("No desktop"), "said, not failed: " + status.exportText());
        }
    }

    private static Link findLink(Composite parent) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Link link) {
                return link;
            }
            if (child instanceof Composite composite && findLink(composite) != null) {
                return findLink(composite);
            }
        }
        return null;
    }

    @Test
    void regionTableHeadersFitTheirColumns() throws Exception {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1366, 400);
        RegionModelService models = SimulatedSessions.service();
        Session session = SimulatedSessions.linux(models);
        models.setCurrent(session);
        var part = org.vmatlas.ui.internal.UiTestSupport.makePart(org.vmatlas.ui.internal.table.RegionsTablePart.class,
                new Composite(shell, SWT.NONE), models, new WorkbenchMoment());
        shell.open();
        var table = findTable(shell);
        GC gc = new GC(table);
        try {
            for (TableColumn column : table.getColumns()) {
                int needed = gc.textExtent(column.getText()).x + 16;
                assertTrue(column.getWidth() >= needed, column.getText() + ": " + column.getWidth() + " < " + needed);
            }
        } finally {
            gc.dispose();
            models.close(session);
        }
        assertTrue(part != null);
    }

    private static org.eclipse.swt.widgets.Table findTable(Composite parent) {
        for (Control child : parent.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Table table) {
                return table;
            }
            if (child instanceof Composite composite) {
                var found = findTable(composite);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
