package org.vmatlas.ui.internal.map;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Region;
import org.vmatlas.render.map.Colouring;
import org.vmatlas.render.map.DuplicateArcs;
import org.vmatlas.render.map.HilbertFrame;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.render.map.RecentNotes;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.residency.SuspectMarks;

/**
 * The address-space map widget: keeps the latest regions, renders a {@link MapFrame} off screen when
 * they or the size change, and copies it in the paint listener. Interaction lives in
 * {@link MapInteraction}; labels and arcs in {@link MapOverlay}.
 */
public final class MapCanvas {

    /** How far from a thin region the pointer may be and still find it. */
    static final int NEAR_PIXELS = 4;
    private final Canvas canvas;
    private final MapInteraction interaction;
    private final MapViewport viewport = new MapViewport();
    private List<Region> regions = List.of();
    private MapLayout.Scale scale = MapLayout.Scale.BYTES;
    private MapLayout layout = MapLayout.of(List.of());
    private List<Conflict> conflicts = List.of();
    private List<Region> flashing = List.of();
    private List<List<Region>> duplicates = List.of();
    private MapFrame frame;
    private HilbertFrame hilbert;
    private boolean hilbertMode;
    private Image image;
    private Region selected;
    private Region hovered;
    private Colouring colouring = Colouring.PROTECTION;
    private Function<Region, String> owners = region -> null;
    private RecentNotes notes = RecentNotes.NONE;
    private SuspectMarks suspects = SuspectMarks.NONE;
    private Consumer<Region> selectionListener = region -> { };

    public MapCanvas(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(event -> paint(event.gc));
        canvas.addListener(SWT.Resize, event -> invalidate());
        canvas.addListener(SWT.Dispose, event -> disposeImage());
        interaction = new MapInteraction(this);
    }

    /** The map's keys (+, -, Home, arrows) work from {@code control} too; a click on it gives the map the keyboard. */
    public void keysFrom(Control control) {
        interaction.keysFrom(control);
    }

    /** Shows new regions; {@code changed} flash until the next call. */
    public void show(List<Region> regions, List<Conflict> newConflicts, List<Region> changed,
            List<List<Region>> duplicateGroups) {
        this.regions = regions;
        layout = MapLayout.of(regions, scale);
        conflicts = List.copyOf(newConflicts);
        flashing = List.copyOf(changed);
        duplicates = duplicateGroups;
        if (selected != null) {
            selected = layout.regionAt(selected.start());
        }
        invalidate();
    }

    /** Stops the flash of the last change, keeping everything else. */
    public void clearFlash() {
        if (!flashing.isEmpty()) {
            flashing = List.of();
            invalidate();
        }
    }

    /** Rows (addresses flow like text) or the Hilbert overview (addresses fold into a square). */
    public void setHilbert(boolean on) {
        hilbertMode = on;
        invalidate();
    }

    /** True to size, or compact (every region readable, huge ones cut); the zoom starts again whole. */
    public void setScale(MapLayout.Scale newScale) {
        if (newScale != scale) {
            scale = newScale;
            layout = MapLayout.of(regions, scale);
            viewport.reset();
            invalidate();
        }
    }

    public MapLayout.Scale scale() {
        return scale;
    }

    /** Colours by protection, type, residency or dirty/swap. */
    public void setColouring(Colouring next) {
        colouring = next;
        invalidate();
    }

    /** Who owns a region (for the hover), when a colour mode has classified the regions; may answer null. */
    public void setOwners(Function<Region, String> ownerOf) {
        owners = ownerOf;
    }

    /** The patterns recent events followed, named in the hover of the regions they made. */
    public void setNotes(RecentNotes recent) {
        notes = recent;
    }

    /** The leak suspects to mark (those of the session shown). */
    public void setSuspects(SuspectMarks marks) {
        if (!marks.equals(suspects)) {
            suspects = marks;
            canvas.redraw();
        }
    }

    public SuspectMarks suspects() {
        return suspects;
    }

    /** The hover's words for a region: its facts, when known its owner, the patterns that made it, a leak suspicion. */
    String describe(Region region) {
        StringBuilder text = new StringBuilder(RegionText.describe(region));
        String owner = owners.apply(region);
        if (owner != null && !owner.isEmpty()) {
            text.append('\n').append(NLS.bind(MapMessages.hoverOwner, owner));
        }
        for (String line : notes.about(region)) {
            text.append('\n').append(NLS.bind(MapMessages.hoverPattern, line));
        }
        String suspicion = suspects.hover(region);
        if (suspicion != null) {
            text.append('\n').append(suspicion);
        }
        return text.toString();
    }

    public Colouring colouring() {
        return colouring;
    }

    public boolean isHilbert() {
        return hilbertMode;
    }

    public void invalidate() {
        frame = null;
        hilbert = null;
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    /** The frame for the canvas's current size, rendered now if it is stale. */
    public MapFrame frame() {
        Rectangle area = canvas.getClientArea();
        if (frame == null || frame.geometry().width() != area.width || frame.geometry().height() != area.height) {
            frame = new MapFrame(layout, MapGeometry.forCanvas(area.width, area.height), viewport, conflicts, flashing,
                    colouring);
            disposeImage();
        }
        return frame;
    }

    /**
     * The frame exports draw: the window's own (same size, rows, zoom and scale) when the map is on screen in
     * rows, else 1200 by 600 at the same zoom and scale; never flashing.
     */
    public MapFrame exportFrame() {
        Rectangle area = canvas.getClientArea();
        MapGeometry geometry = !hilbertMode && area.width >= 200 && area.height >= 100
                ? MapGeometry.forCanvas(area.width, area.height) : MapGeometry.forCanvas(1200, 600);
        return new MapFrame(layout, geometry, viewport, conflicts, List.of(), colouring);
    }

    /** Renders the map at any size without a window, for export and tests. */
    public ImageData render(int width, int height) {
        return toImageData(new MapFrame(layout, MapGeometry.forCanvas(width, height), viewport, conflicts, flashing,
                colouring));
    }

    static ImageData toImageData(MapFrame frame) {
        return toImageData(frame.pixels(), frame.geometry().width(), frame.geometry().height());
    }

    static ImageData toImageData(int[] pixels, int width, int height) {
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int y = 0; y < height; y++) {
            data.setPixels(0, y, width, pixels, y * width);
        }
        return data;
    }

    /** The Hilbert overview for the canvas's current size, rendered now if it is stale. */
    public HilbertFrame hilbertFrame() {
        Rectangle area = canvas.getClientArea();
        if (hilbert == null || hilbert.width() != area.width || hilbert.height() != area.height) {
            hilbert = new HilbertFrame(layout, area.width, area.height, viewport, conflicts, colouring);
            disposeImage();
        }
        return hilbert;
    }

    /** The address drawn under a point of the canvas, in either layout, or -1. */
    public long addressAt(int x, int y) {
        if (hilbertMode) {
            HilbertFrame overview = hilbertFrame();
            return overview.addressOfCell(overview.cellAt(x, y));
        }
        MapFrame rows = frame();
        return rows.addressOfCell(rows.geometry().cellAt(x, y));
    }

    /** Where a point lies in the view, as a fraction of it (0.5 outside the cells): the anchor to zoom around. */
    public double anchorAt(int x, int y) {
        int cell = hilbertMode ? hilbertFrame().cellAt(x, y) : frame().geometry().cellAt(x, y);
        int cells = cellsAcross();
        return cell < 0 ? 0.5 : (cell + 0.5) / cells;
    }

    /** How many cells the view is cut into. */
    public int cellsAcross() {
        return hilbertMode ? hilbertFrame().cells() : frame().geometry().cells();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (area.width <= 0 || area.height <= 0) {
            return;
        }
        if (hilbertMode) {
            HilbertFrame overview = hilbertFrame();
            if (image == null) {
                image = new Image(canvas.getDisplay(), toImageData(overview.pixels(), overview.width(), overview.height()));
            }
            gc.drawImage(image, 0, 0);
            MapOverlay.drawHilbert(gc, overview, arcs(), selected, suspects);
            return;
        }
        MapFrame current = frame();
        if (image == null) {
            image = new Image(canvas.getDisplay(), toImageData(current));
        }
        gc.drawImage(image, 0, 0);
        MapOverlay.draw(gc, current, arcs(), selected, suspects);
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** Draws the same picture as the canvas, overlay included, into an image the caller disposes. */
    public Image snapshot(int width, int height) {
        MapFrame offscreen = new MapFrame(layout, MapGeometry.forCanvas(width, height), viewport, conflicts, flashing,
                colouring);
        Image result = new Image(canvas.getDisplay(), toImageData(offscreen));
        GC gc = new GC(result);
        try {
            MapOverlay.draw(gc, offscreen, arcs(), selected, suspects);
        } finally {
            gc.dispose();
        }
        return result;
    }

    /** The duplicate pairs drawn now: all when they are few, else those of the hovered and the selected region. */
    public List<List<Region>> arcs() {
        return DuplicateArcs.shown(duplicates, hovered, selected);
    }

    /** The region under the pointer, or {@code null}: its duplicates' arcs are drawn when there are many. */
    void setHovered(Region region) {
        if (region != hovered) {
            hovered = region;
            if (duplicates.size() > DuplicateArcs.MANY) {
                canvas.redraw();
            }
        }
    }

    /** The region drawn at a point, or the nearest within a few pixels of its row; {@code null} if none. */
    public Region regionNear(int x, int y) {
        if (hilbertMode) {
            long address = addressAt(x, y);
            return address < 0 ? null : layout.regionAt(address);
        }
        MapFrame rows = frame();
        int index = rows.regionIndexNear(rows.geometry().cellAt(x, y), NEAR_PIXELS);
        return index < 0 ? null : layout.regions().get(index);
    }

    void select(Region region) {
        selected = region;
        canvas.redraw();
        selectionListener.accept(region);
    }

    public void setSelection(Region region) {
        selected = region;
        canvas.redraw();
    }

    public void onSelection(Consumer<Region> listener) {
        selectionListener = listener;
    }

    public MapViewport viewport() {
        return viewport;
    }

    public MapLayout layout() {
        return layout;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public Canvas control() {
        return canvas;
    }

    /** SWT colours are plain values since 3.115: nothing to dispose. */
    static Color color(int rgb) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }
}
