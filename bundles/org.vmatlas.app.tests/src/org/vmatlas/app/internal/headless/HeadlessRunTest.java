package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.map.MapColors;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;

/** The headless path end to end: a shipped lesson on a simulated kernel, written as PNG, SVG, CSV, JSON. */
class HeadlessRunTest {

    private static RegionModelService models;

    @BeforeAll
    static void service() throws InterruptedException {
        var context = FrameworkUtil.getBundle(HeadlessRunTest.class).getBundleContext();
        ServiceTracker<RegionModelService, RegionModelService> tracker = new ServiceTracker<>(context, RegionModelService.class, null);
        tracker.open();
        models = tracker.waitForService(10_000);
        assertNotNull(models, "the region-model DS service within 10 s");
    }

    @Test
    void aLessonBecomesFilesThatReadBack(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("map.png");
        Path csv = dir.resolve("regions.csv");
        Path svg = dir.resolve("map.svg");
        Path events = dir.resolve("events.json");
        HeadlessOptions options = HeadlessOptions.parse("--scenario", "go-aix-sysmap", "--out",
            png.toString(), "--out", csv.toString(), "--out", svg.toString(), "--events", events.toString(),
            "--width", "1000", "--height", "400");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Session session = new HeadlessRun(models, new PrintStream(log, true)).run(options);
        assertTrue(session.space().size() > 0, "the lesson left regions: " + log);

        List<String> rows = Files.readAllLines(csv);
        assertEquals(session.space().size() + 1, rows.size(), "one CSV row per region plus the header");
        assertTrue(Files.readString(svg).startsWith("<?xml") || Files.readString(svg).startsWith("<svg"));
        assertTrue(Files.readString(events).contains("\"call\""), "events JSON names each call");

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        MapFrame frame = new MapFrame(MapLayout.of(session.space().regions()), MapGeometry.forCanvas(1000, 400),
                new MapViewport(), List.of(), List.of());
        Region first = session.space().regions().getFirst();
        int cell = frame.cellOfAddress(first.start() + (first.end() - first.start()) / 2);
        int x = frame.geometry().cellX(cell);
        int y = frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2;
        int expected = frame.pixel(x, y);
        assertEquals(Integer.toHexString(expected), Integer.toHexString(image.getRGB(x, y) & 0xFFFFFF));
        assertTrue(expected != MapColors.BACKGROUND, "the probe lands on the region, not the background");
    }

    @Test
    void anUnknownLessonIsNamed() throws HeadlessFailure {
        HeadlessOptions options = HeadlessOptions.parse("--scenario", "no-such-lesson", "--out", "x.csv");
        HeadlessFailure error = assertThrows(HeadlessFailure.class,
                () -> new HeadlessRun(models, new PrintStream(new ByteArrayOutputStream())).run(options));
        assertTrue(error.getMessage().contains("no-such-lesson"), error.getMessage());
        assertEquals(HeadlessFailure.BAD_INPUT, error.exitCode());
    }
}
