package org.vmatlas.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.syscall.Prot;

/** The PNG picture, read back by ImageIO, holds the title, the map and the legend where they belong. */
class MapPictureTest {

    /** The default palette's colour of {@code rw-} pages, stated here, not taken from the painter. */
    private static final int READ_WRITE_GREEN = 0x54A24B;
    private static final int PAGE_BACKGROUND = 0xF5F5F2;

    @Test
    void titleMapAndLegendAreWhereTheyBelong() throws Exception {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, SimulatedSessions.BASE, 64 * SimulatedSessions.PAGE, Prot.RW, "data");
        MapGeometry geometry = MapGeometry.forCanvas(640, 200);
        MapFrame frame = new MapFrame(MapLayout.of(session.space().regions()), geometry, new MapViewport(), List.of(),
                List.of());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(MapPicture.render(frame, "one rw region"), "png", png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));

        assertEquals(640, image.getWidth());
        assertEquals(MapPicture.TITLE_HEIGHT + 200 + MapPicture.LEGEND_HEIGHT, image.getHeight());
        int cell = frame.cellOfAddress(SimulatedSessions.BASE + 32 * SimulatedSessions.PAGE);
        int x = geometry.cellX(cell);
        int y = MapPicture.TITLE_HEIGHT + geometry.cellY(cell);
        assertEquals(READ_WRITE_GREEN, image.getRGB(x, y) & 0xFFFFFF, "the region's cell, below the title line");
        assertEquals(PAGE_BACKGROUND, image.getRGB(image.getWidth() - 2, 2) & 0xFFFFFF, "the title line's background");
        assertTrue(darkPixels(image, 0, MapPicture.TITLE_HEIGHT) > 20, "the title is written");
        int legendTop = MapPicture.TITLE_HEIGHT + 200;
        assertTrue(darkPixels(image, legendTop, image.getHeight()) > 40, "the legend is written");
        assertTrue(hasColour(image, legendTop, image.getHeight(), READ_WRITE_GREEN), "the legend shows rw- in its colour");
    }

    private static int darkPixels(BufferedImage image, int fromY, int toY) {
        int dark = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                dark += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 200 ? 1 : 0;
            }
        }
        return dark;
    }

    private static boolean hasColour(BufferedImage image, int fromY, int toY, int rgb) {
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
