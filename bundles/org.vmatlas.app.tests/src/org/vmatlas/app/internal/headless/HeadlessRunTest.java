package org.vmatlas.app.internal.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.render.export.MapPicture;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.vmatlas.syscall.Prot;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The headless path end to end: a shipped lesson on a simulated kernel, written as PNG, SVG, CSV, JSON. */
class HeadlessRunTest {

    /** The default palette's colour of {@code rw-} pages, stated here, not taken from the painter. */
    private static final int READ_WRITE_GREEN = 0x54A24B;

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

        // each file read back by a library vmatlas did not write: Commons CSV, the JDK's XML parser, Jackson, ImageIO
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            rows = parser.getRecords();
        }
        assertEquals(session.space().size() + 1, rows.size(), "one CSV row per region plus the header");
        assertEquals("start", rows.getFirst().get(0));
        assertEquals(session.space().region(0).start(), Long.decode(rows.get(1).get(0)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals("1000", document.getDocumentElement().getAttribute("width"));
        assertTrue(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength() > 2,
                "the map's runs are rectangles");

        JsonNode timeline = new ObjectMapper().readTree(events.toFile()).get("events");
        assertEquals(session.timeline().size(), timeline.size());
        assertEquals(session.timeline().event(0).call().describe(), timeline.get(0).get("call").asText());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(MapPicture.height(400), image.getHeight(), "title line, map, legend line");
        Region first = session.space().regions().getFirst();
        assertEquals(Prot.RW, first.prot(), "the lesson's first region is the rw- part Linux mapped over the reservation");
        MapFrame frame = new MapFrame(MapLayout.of(session.space().regions()), MapGeometry.forCanvas(1000, 400),
                new MapViewport(), List.of(), List.of());
        int cell = frame.cellOfAddress(first.start() + (first.end() - first.start()) / 2);
        int x = frame.geometry().cellX(cell);
        int y = MapPicture.TITLE_HEIGHT + frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2;
        assertEquals(Integer.toHexString(READ_WRITE_GREEN), Integer.toHexString(image.getRGB(x, y) & 0xFFFFFF),
                "the default palette's rw- green where the region is");
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
