package org.vmatlas.ui.internal.map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.vmatlas.model.Region;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.RegionText;
import org.vmatlas.ui.internal.HoverTips;
import org.vmatlas.ui.internal.Messages;

/**
 * Mouse and keyboard on the map: wheel or +/- to zoom around the pointer, drag or arrows to pan,
 * double-click to zoom in four times, Home or 0 for the whole space, hover for a region's facts,
 * click to select.
 */
final class MapInteraction {

    private static final double WHEEL_ZOOM = 1.25;
    private final MapCanvas map;
    private final Canvas canvas;
    private int dragStartX = -1;
    private boolean dragged;

    MapInteraction(MapCanvas map) {
        this.map = map;
        this.canvas = map.control();
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseDoubleClick, event -> zoomAt(event.x, event.y, 4));
        canvas.addListener(SWT.MouseDown, event -> {
            dragStartX = event.x;
            dragged = false;
        });
        canvas.addListener(SWT.MouseMove, this::move);
        canvas.addListener(SWT.MouseUp, this::up);
        canvas.addListener(SWT.KeyDown, this::key);
        HoverTips.install(canvas);
    }

    /**
     * Lets the keys work from another control of the map's part (its toggle, header and legend), and hands
     * the keyboard to the map when one of them is clicked: the keys need no click on the cells first.
     */
    void keysFrom(Control control) {
        control.addListener(SWT.KeyDown, this::key);
        control.addListener(SWT.MouseUp, event -> canvas.setFocus());
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                keysFrom(child);
            }
        }
    }

    private void wheel(Event event) {
        zoomAt(event.x, event.y, event.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM);
        event.doit = false;
    }

    private void zoomAt(int x, int y, double factor) {
        map.viewport().zoom(factor, map.anchorAt(x, y), map.frame().minimumSpan());
        map.invalidate();
    }

    private void move(Event event) {
        if ((event.stateMask & SWT.BUTTON1) != 0 && dragStartX >= 0) {
            int dx = event.x - dragStartX;
            if (Math.abs(dx) > 3) {
                dragged = true;
                map.viewport().pan(-(double) dx / map.cellsAcross());
                dragStartX = event.x;
                map.invalidate();
            }
            return;
        }
        Region near = map.regionNear(event.x, event.y);
        map.setHovered(near);
        canvas.setToolTipText(near != null ? map.describe(near) : describeAt(event.x, event.y));
    }

    private void up(Event event) {
        if (!dragged && event.button == 1) {
            Region region = regionAt(event.x, event.y);
            map.select(region);
        }
        dragStartX = -1;
    }

    private void key(Event event) {
        switch (event.keyCode) {
            case '+', '=', SWT.KEYPAD_ADD -> map.viewport().zoom(2, 0.5, map.frame().minimumSpan());
            case '-', '_', SWT.KEYPAD_SUBTRACT -> map.viewport().zoom(0.5, 0.5);
            case SWT.ARROW_LEFT -> map.viewport().pan(-0.1);
            case SWT.ARROW_RIGHT -> map.viewport().pan(0.1);
            case SWT.HOME, '0', SWT.KEYPAD_0 -> map.viewport().reset();
            default -> {
                return;
            }
        }
        map.invalidate();
    }

    private Region regionAt(int x, int y) {
        return map.regionNear(x, y);
    }

    private String describeAt(int x, int y) {
        long address = map.addressAt(x, y);
        if (address < 0) {
            return null;
        }
        MapLayout.Segment segment = map.layout().segmentAtAddress(address);
        if (segment != null && segment.kind() == MapLayout.Kind.CUT) {
            Region region = map.layout().regionAt(address);
            return NLS.bind(Messages.map_cutTip, RegionText.size(segment.end() - segment.start()),
                    region == null ? "" : RegionText.describe(region));
        }
        if (segment != null && segment.isBreak()) {
            return String.format("unmapped gap %x-%x (%s), compressed", segment.start(), segment.end(),
                    RegionText.size(segment.end() - segment.start()));
        }
        Region region = map.layout().regionAt(address);
        return region == null ? String.format("%x: free", address) : RegionText.describe(region);
    }
}
