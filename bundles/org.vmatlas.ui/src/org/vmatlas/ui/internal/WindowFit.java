package org.vmatlas.ui.internal;

import org.eclipse.swt.graphics.Rectangle;

/** Where a window goes so that all of it is on a screen: smaller when it is larger, moved in when it is out. */
public final class WindowFit {

    private WindowFit() {
    }

    /** {@code window} moved and shrunk as little as needed to lie inside {@code screen}. */
    public static Rectangle fit(Rectangle window, Rectangle screen) {
        int width = Math.min(window.width, screen.width);
        int height = Math.min(window.height, screen.height);
        int x = Math.max(screen.x, Math.min(window.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(window.y, screen.y + screen.height - height));
        return new Rectangle(x, y, width, height);
    }
}
