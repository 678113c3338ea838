package org.vmatlas.render.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.vmatlas.render.map.Legend;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLabels;

/**
 * The map as a picture that explains itself, without a display (AWT's off-screen image, headless): a
 * title line, the frame's pixels with each row's address beside it (the address scale), and the legend
 * below, as the window shows them.
 */
public final class MapPicture {
    /** Height of the title line and of the legend line, in pixels. */
    public static final int TITLE_HEIGHT = 28;
    public static final int LEGEND_HEIGHT = 26;
    private static final int SWATCH = 14;

    private MapPicture() {
    }

    /** The image's height for a frame of {@code mapHeight} pixels. */
    public static int height(int mapHeight) {
        return TITLE_HEIGHT + mapHeight + LEGEND_HEIGHT;
    }

    public static BufferedImage render(MapFrame frame, String title) {
        MapGeometry geometry = frame.geometry();
        int width = geometry.width();
        BufferedImage image = new BufferedImage(width, height(geometry.height()), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, TITLE_HEIGHT, width, geometry.height(), frame.pixels(), 0, width);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(MapColors.BACKGROUND));
            g.fillRect(0, 0, width, TITLE_HEIGHT);
            g.fillRect(0, TITLE_HEIGHT + geometry.height(), width, LEGEND_HEIGHT);
            g.setColor(new Color(MapColors.TEXT));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, 8, TITLE_HEIGHT - 9);
            rowAddresses(g, frame);
            labels(g, frame);
            legend(image, g, frame, TITLE_HEIGHT + geometry.height(), width);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void rowAddresses(Graphics2D g, MapFrame frame) {
        MapGeometry geometry = frame.geometry();
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        for (int row = 0; row < geometry.rows(); row++) {
            long address = frame.addressOfCell(row * geometry.columns()) & ~0xFFFL;
            if (address > 0) {
                g.drawString(String.format("%012x", address), 6,
                        TITLE_HEIGHT + geometry.rowTop(row) + geometry.bandHeight() / 2 + 4);
            }
        }
    }

    /** The names and break sizes that fit, as the window draws them. */
    private static void labels(Graphics2D g, MapFrame frame) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (MapLabels.Label label : MapLabels.place(frame, metrics::stringWidth)) {
            g.setColor(new Color(label.rgb()));
            int x = label.x() + (label.width() - metrics.stringWidth(label.text())) / 2;
            int y = TITLE_HEIGHT + label.top() + (label.height() + metrics.getAscent() - metrics.getDescent()) / 2;
            g.drawString(label.text(), x, y);
        }
    }

    private static void legend(BufferedImage image, Graphics2D g, MapFrame frame, int top, int width) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        int x = 8;
        int y = top + (LEGEND_HEIGHT - SWATCH) / 2;
        for (Legend.Entry entry : Legend.entries(frame.colouring())) {
            int needed = SWATCH + 4 + metrics.stringWidth(entry.text()) + 12;
            if (x + needed > width) {
                break; // a narrow picture shows the first entries, never overlapping ones
            }
            image.setRGB(x, y, SWATCH, SWATCH, Legend.swatch(entry, SWATCH, SWATCH, frame.colouring()), 0, SWATCH);
            g.setColor(new Color(MapColors.TEXT));
            g.drawRect(x, y, SWATCH, SWATCH);
            g.drawString(entry.text(), x + SWATCH + 4, y + SWATCH - 2);
            x += needed;
        }
    }
}
