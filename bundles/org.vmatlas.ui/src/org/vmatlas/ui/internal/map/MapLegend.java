package org.vmatlas.ui.internal.map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.vmatlas.render.map.Legend;

/**
 * The key to the map's colours. Each swatch is the render core's ({@link Legend#swatch}): the map's painter
 * paints it, so hatching, a gap's strokes and a conflict's bar look here exactly as on the map.
 */
final class MapLegend {

    private static final int SWATCH_WIDTH = 16;
    private static final int SWATCH_HEIGHT = 14;
    private final Composite box;

    MapLegend(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.spacing = 12;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        box.setLayout(layout);
        for (Legend.Entry entry : Legend.entries()) {
            swatch(entry);
        }
    }

    private void swatch(Legend.Entry entry) {
        Canvas swatch = new Canvas(box, SWT.NONE);
        GC measure = new GC(swatch);
        int textWidth = measure.textExtent(entry.text()).x;
        measure.dispose();
        swatch.setLayoutData(new RowData(SWATCH_WIDTH + 6 + textWidth, 18));
        Image image = new Image(swatch.getDisplay(), MapCanvas.toImageData(
                Legend.swatch(entry, SWATCH_WIDTH, SWATCH_HEIGHT), SWATCH_WIDTH, SWATCH_HEIGHT));
        swatch.addListener(SWT.Dispose, event -> image.dispose());
        swatch.addPaintListener(event -> {
            event.gc.drawImage(image, 0, 2);
            event.gc.setForeground(swatch.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            event.gc.drawRectangle(0, 2, SWATCH_WIDTH - 1, SWATCH_HEIGHT - 1);
            event.gc.drawText(entry.text(), SWATCH_WIDTH + 4, 1, true);
        });
    }

    Composite control() {
        return box;
    }
}
