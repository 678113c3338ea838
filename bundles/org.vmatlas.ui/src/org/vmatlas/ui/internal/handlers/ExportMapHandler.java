package org.vmatlas.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.export.MapPicture;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.export.ExportReport;
import org.vmatlas.ui.internal.map.AddressSpaceMapPart;

/** File > Export map as PNG (Ctrl+E): the map as the window lays it out, with a title and the legend, into a PNG file. */
public class ExportMapHandler {

    static final String MAP_PART = "org.vmatlas.ui.part.map";

    @CanExecute
    public boolean canExecute(EPartService parts) {
        MPart part = parts.findPart(MAP_PART);
        return part != null && part.getObject() instanceof AddressSpaceMapPart;
    }

    @Execute
    public void execute(EPartService parts, RegionModelService models, ExportReport report, Shell shell) {
        AddressSpaceMapPart map = (AddressSpaceMapPart) parts.findPart(MAP_PART).getObject();
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.export_title);
        dialog.setFilterExtensions(new String[] { "*.png" });
        dialog.setFileName("vmatlas-map.png");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file == null) {
            return;
        }
        try {
            write(map, title(models.current(), map), Path.of(file));
            report.wrote(Path.of(file));
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, Messages.export_title, NLS.bind(Messages.export_failed, file, e.getMessage()));
        }
    }

    /** The picture's title line, as the headless render writes it: the session and what it holds. */
    static String title(Session session, AddressSpaceMapPart map) {
        if (session == null) {
            return "vmatlas";
        }
        return session.name() + " \u2014 " + map.map().layout().regions().size() + " regions, "
                + session.timeline().size() + " events";
    }

    /**
     * Writes the map part's picture as the headless render does: a title line, the map as the window lays it
     * out (its size, zoom and scale, names included), each row's address and the legend.
     */
    public static void write(AddressSpaceMapPart map, String title, Path file) throws IOException {
        MapFrame frame = map.map().exportFrame();
        if (!ImageIO.write(MapPicture.render(frame, title), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
