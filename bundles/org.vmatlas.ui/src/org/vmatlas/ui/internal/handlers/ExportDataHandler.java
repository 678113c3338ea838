package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.Timeline;
import org.vmatlas.ui.internal.BackgroundWork;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.export.DataExport;
import org.vmatlas.ui.internal.export.ExportReport;

/**
 * File > Export data (Ctrl+Shift+E): the regions at the workbench's moment or all events of the current
 * session, as CSV or JSON; the dialog's file type chooses which.
 */
public class ExportDataHandler {

    @CanExecute
    public boolean canExecute(RegionModelService models) {
        return models.current() != null;
    }

    @Execute
    public void execute(RegionModelService models, WorkbenchMoment moment, ExportReport report, Shell shell) {
        Session session = models.current();
        if (session == null) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.exportData_title);
        dialog.setFilterExtensions(Arrays.stream(DataExport.values()).map(DataExport::filter).toArray(String[]::new));
        dialog.setFilterNames(Arrays.stream(DataExport.values()).map(DataExport::label).toArray(String[]::new));
        dialog.setFileName("vmatlas-regions.csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        DataExport export = DataExport.values()[Math.max(0, dialog.getFilterIndex())];
        // The moment is the UI's; the snapshot it names is immutable, so the writing can leave the UI thread.
        AddressSpace space = moment.space(session);
        Path target = Path.of(file);
        BackgroundWork.runVisible(NLS.bind(Messages.exportData_job, target.getFileName()), shell.getDisplay(),
                monitor -> {
                    try {
                        write(export, space, session.timeline(), target);
                        return target;
                    } catch (IOException e) {
                        throw new IllegalStateException(NLS.bind(Messages.export_failed, file, e.getMessage()), e);
                    }
                }, done -> report.wrote(target), text -> MessageDialog.openError(shell, Messages.exportData_title, text));
    }

    /** Writes one export of {@code session} at the moment to {@code file}, in UTF-8. */
    public static void write(DataExport export, Session session, WorkbenchMoment moment, Path file) throws IOException {
        write(export, moment.space(session), session.timeline(), file);
    }

    static void write(DataExport export, AddressSpace space, Timeline timeline, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            export.write(space, timeline, out);
        }
    }
}
