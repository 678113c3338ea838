package org.vmatlas.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * A part's controls in a scrolled area: where the part's stack is smaller than the controls (a 1366×768
 * screen), scroll bars appear instead of controls below the fold. The content takes the area's width, so
 * wrapping labels and rows wrap, and at least {@code minWidth} pixels, beyond which it scrolls sideways.
 */
public final class Scrolling {

    private final ScrolledComposite scrolled;
    private final Composite content;
    private final int minWidth;

    private Scrolling(Composite parent, int minWidth) {
        this.minWidth = minWidth;
        parent.setLayout(new FillLayout());
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        content = new Composite(scrolled, SWT.NONE);
        scrolled.setContent(content);
        scrolled.addListener(SWT.Resize, event -> fit());
    }

    /** Replaces {@code parent}'s layout with a scrolled area; build the part in {@link #content()}. */
    public static Scrolling in(Composite parent, int minWidth) {
        return new Scrolling(parent, minWidth);
    }

    public Composite content() {
        return content;
    }

    /** Lays the content out again after it changed size (a longer message, a new row). */
    public void fit() {
        if (scrolled.isDisposed()) {
            return;
        }
        int width = Math.max(minWidth, scrolled.getClientArea().width);
        Point size = content.computeSize(width, SWT.DEFAULT);
        scrolled.setMinSize(minWidth, size.y);
        content.layout(true, true);
    }

    public ScrolledComposite control() {
        return scrolled;
    }
}
