package org.vmatlas.ui.internal.map;

import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.vmatlas.render.map.ColourMode;
import org.vmatlas.render.map.Colouring;
import org.vmatlas.render.map.Legend;

/**
 * The key to the map's colours. Each swatch is the render core's ({@link Legend#swatch}): the map's painter
 * paints it, so hatching, a gap's strokes and a conflict's bar look here exactly as on the map.
 */
final class MapLegend {

    private static final int SWATCH_WIDTH = 16;
    private static final int SWATCH_HEIGHT = 14;
    private final Composite box;
    private ColourMode shownMode;
    private List<String> shownTexts = List.of();
    private boolean suspectsShown;
    private Canvas suspectSwatch;

    MapLegend(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.spacing = 12;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        box.setLayout(layout);
        show(Colouring.PROTECTION);
    }

    /** Shows the key to a colour mode; the same swatches are not built again. */
    void show(Colouring colouring) {
        List<String> texts = Legend.entries(colouring).stream().map(Legend.Entry::text).toList();
        if (colouring.mode() == shownMode && texts.equals(shownTexts)) {
            return;
        }
        shownMode = colouring.mode();
        shownTexts = texts;
        for (Control child : box.getChildren()) {
            child.dispose();
        }
        for (Legend.Entry entry : Legend.entries(colouring)) {
            swatch(entry, colouring);
        }
        suspectSwatch = suspectsShown ? suspectSwatch() : null;
        box.layout(true);
    }

    /** Adds or removes the key to the leak suspects' mark; {@code true} when that changed the legend. */
    boolean showSuspects(boolean on) {
        if (on == suspectsShown) {
            return false;
        }
        suspectsShown = on;
        if (on) {
            suspectSwatch = suspectSwatch();
        } else if (suspectSwatch != null) {
            suspectSwatch.dispose();
            suspectSwatch = null;
        }
        box.layout(true);
        return true;
    }

    /** The suspects' key: an outline and badge as {@link MapOverlay} draws them over a region. */
    private Canvas suspectSwatch() {
        Canvas swatch = new Canvas(box, SWT.NONE);
        GC measure = new GC(swatch);
        int textWidth = measure.textExtent(MapMessages.legendSuspect).x;
        measure.dispose();
        swatch.setLayoutData(new RowData(SWATCH_WIDTH + 6 + textWidth, 18));
        swatch.addPaintListener(event -> {
            event.gc.setForeground(MapCanvas.color(MapOverlay.SUSPECT));
            event.gc.setLineWidth(3);
            event.gc.drawRectangle(1, 3, SWATCH_WIDTH - 3, SWATCH_HEIGHT - 3);
            event.gc.setLineWidth(1);
            event.gc.setForeground(swatch.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            event.gc.drawText(MapMessages.legendSuspect, SWATCH_WIDTH + 4, 1, true);
        });
        return swatch;
    }

    /** The legend's words, the suspects' key last when shown; for tests. */
    List<String> texts() {
        return suspectsShown ? Stream.concat(shownTexts.stream(),
                Stream.of(MapMessages.legendSuspect)).toList() : shownTexts;
    }

    private void swatch(Legend.Entry entry, Colouring colouring) {
        Canvas swatch = new Canvas(box, SWT.NONE);
        GC measure = new GC(swatch);
        int textWidth = measure.textExtent(entry.text()).x;
        measure.dispose();
        swatch.setLayoutData(new RowData(SWATCH_WIDTH + 6 + textWidth, 18));
        Image image = new Image(swatch.getDisplay(), MapCanvas.toImageData(
                Legend.swatch(entry, SWATCH_WIDTH, SWATCH_HEIGHT, colouring), SWATCH_WIDTH, SWATCH_HEIGHT));
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
