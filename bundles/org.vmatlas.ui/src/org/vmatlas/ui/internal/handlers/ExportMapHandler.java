package org.vmatlas.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.vmatlas.ui.internal.Messages;
import org.vmatlas.ui.internal.map.AddressSpaceMapPart;

/** File > Export map as PNG (Ctrl+E): the map as drawn, at the canvas's size, into a PNG file. */
public class ExportMapHandler {

    static final String MAP_PART = "org.vmatlas.ui.part.map";

    @CanExecute
    public boolean canExecute(EPartService parts) {
        MPart part = parts.findPart(MAP_PART);
        return part != null && part.getObject() instanceof AddressSpaceMapPart;
    }

    @Execute
    public void execute(EPartService parts, Shell shell) {
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
            write(map, file);
        } catch (RuntimeException e) {
            MessageDialog.openError(shell, Messages.export_title, NLS.bind(Messages.export_failed, file, e.getMessage()));
        }
    }

    /** Writes the map part's picture to a PNG file. */
    public static void write(AddressSpaceMapPart map, String file) {
        org.eclipse.swt.graphics.Point size = map.map().control().getSize();
        Image image = map.map().snapshot(Math.max(size.x, 800), Math.max(size.y, 300));
        try {
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file, SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
