package org.vmatlas.app.internal.headless;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Session;
import org.vmatlas.render.export.EventsCsv;
import org.vmatlas.render.export.EventsJson;
import org.vmatlas.render.export.MapSvg;
import org.vmatlas.render.export.RegionsCsv;
import org.vmatlas.render.export.RegionsJson;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.render.map.RecentConflicts;

/**
 * Writes a session's final state: the map as PNG (the same pixels the canvas shows, through
 * {@code javax.imageio}, no display needed) or SVG, the regions as CSV or JSON, the events as CSV or JSON.
 */
public final class HeadlessOutputs {

    private final int width;
    private final int height;

    public HeadlessOutputs(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public void write(Session session, List<Path> outputs, Path events) throws IOException {
        AddressSpace space = session.space();
        List<Conflict> conflicts = RecentConflicts.upTo(session.timeline(), session.timeline().size() - 1);
        // One picture serves every map output: PNG and SVG show the same frame.
        MapFrame frame = new MapFrame(MapLayout.of(space.regions()), MapGeometry.forCanvas(width, height),
                new MapViewport(), conflicts, List.of());
        for (Path output : outputs) {
            switch (HeadlessOptions.extension(output)) {
                case "png" -> ImageIO.write(image(frame), "png", output.toFile());
                case "svg" -> text(output, out -> MapSvg.write(frame, space.duplicateGroups(), out));
                case "csv" -> text(output, out -> RegionsCsv.write(space, out));
                case "json" -> text(output, out -> RegionsJson.write(space, out));
                default -> throw new IllegalArgumentException("cannot write " + output);
            }
        }
        if (events != null) {
            boolean csv = HeadlessOptions.extension(events).equals("csv");
            text(events, out -> {
                if (csv) {
                    EventsCsv.write(session.timeline(), out);
                } else {
                    EventsJson.write(session.timeline(), out);
                }
            });
        }
    }

    static BufferedImage image(MapFrame frame) {
        MapGeometry geometry = frame.geometry();
        BufferedImage image = new BufferedImage(geometry.width(), geometry.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, geometry.width(), geometry.height(), frame.pixels(), 0, geometry.width());
        // The row addresses, as the canvas's overlay draws them.
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(MapColors.TEXT));
            g.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 12));
            for (int row = 0; row < geometry.rows(); row++) {
                long address = frame.addressOfCell(row * geometry.columns()) & ~0xFFFL;
                if (address > 0) {
                    g.drawString(String.format("%012x", address), 6, geometry.rowTop(row) + geometry.bandHeight() / 2 + 4);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private interface WriterBody {
        void write(Writer out) throws IOException;
    }

    private static void text(Path file, WriterBody body) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(out);
        }
    }
}
