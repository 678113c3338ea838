package org.vmatlas.ui.internal.map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.vmatlas.render.map.Legend;
import org.vmatlas.render.map.MapColors;

/** The key to the map's colours: one swatch per protection, plus free, gap and prepared. */
final class MapLegend {

    private final Composite box;

    MapLegend(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.spacing = 12;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        box.setLayout(layout);
        for (Legend.Entry entry : Legend.entries()) {
            swatch(entry.rgb(), entry.text(), entry.hatched());
        }
    }

    private void swatch(int rgb, String text, boolean hatched) {
        Canvas swatch = new Canvas(box, SWT.NONE);
        GC measure = new GC(swatch);
        int textWidth = measure.textExtent(text).x;
        measure.dispose();
        swatch.setLayoutData(new org.eclipse.swt.layout.RowData(22 + textWidth, 18));
        swatch.addPaintListener(event -> {
            event.gc.setBackground(MapCanvas.color(rgb));
            event.gc.fillRectangle(0, 2, 16, 14);
            if (hatched) {
                event.gc.setForeground(MapCanvas.color(MapColors.HATCH));
                for (int x = -14; x < 16; x += 6) {
                    event.gc.drawLine(x, 16, x + 14, 2);
                }
            }
            event.gc.setForeground(swatch.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            event.gc.drawText(text, 20, 1, true);
        });
    }

    Composite control() {
        return box;
    }
}
