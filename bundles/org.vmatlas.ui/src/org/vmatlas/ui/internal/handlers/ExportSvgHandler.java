package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.export.MapSvg;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.export.ExportReport;
import org.vmatlas.ui.internal.map.AddressSpaceMapPart;

/**
 * File > Export map as SVG: the address space at the workbench's moment, drawn as the map part shows it (its
 * frame when it is open, 1200 by 600 and the whole space otherwise).
 */
public class ExportSvgHandler {

    @CanExecute
    public boolean canExecute(RegionModelService models) {
        return models.current() != null;
    }

    @Execute
    public void execute(RegionModelService models, WorkbenchMoment moment, EPartService parts, ExportReport report,
            Shell shell) {
        Session session = models.current();
        if (session == null) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.exportSvg_title);
        dialog.setFilterExtensions(new String[] { "*.svg" });
        dialog.setFileName("vmatlas-map.svg");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        MPart part = parts.findPart(ExportMapHandler.MAP_PART);
        AddressSpaceMapPart map = part != null && part.getObject() instanceof AddressSpaceMapPart open ? open : null;
        try {
            write(moment.space(session), session.name(), map, Path.of(file));
            report.wrote(Path.of(file));
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.exportSvg_title, NLS.bind(Messages.export_failed, file, e.getMessage()));
        }
    }

    /**
     * Writes the SVG of {@code space}: with the map part open, its very frame (size, rows, zoom, scale) and the
     * arcs it draws; otherwise 1200 by 600, the whole space, true to size.
     */
    public static void write(AddressSpace space, String title, AddressSpaceMapPart map, Path file) throws IOException {
        MapFrame frame = map != null ? map.map().exportFrame() : new MapFrame(MapLayout.of(space.regions()),
                MapGeometry.forCanvas(1200, 600), new MapViewport(), List.of(), List.of());
        List<List<Region>> arcs = map != null ? map.map().arcs() : space.duplicateGroups();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            MapSvg.write(frame, arcs, title, out);
        }
    }
}
