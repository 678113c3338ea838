package org.vmatlas.render.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.render.map.Legend;
import org.vmatlas.render.map.MapFrame;
import org.vmatlas.render.map.MapGeometry;
import org.vmatlas.render.map.MapLayout;
import org.vmatlas.render.map.MapViewport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class MapSvgTest {

    private static final String TITLE = "a <test> map & its \"title\"";
    private static final String SVG = "http://www.w3.org/2000/svg";

    /** The group that holds the map itself (below the title line, above the legend). */
    private static Element group(Document document, String name) {
        NodeList groups = document.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (name.equals(g.getAttribute("class"))) {
                return g;
            }
        }
        throw new AssertionError("no <g class=\"" + name + "\">");
    }

    private static Document svg(MapFrame frame, AddressSpace space) throws Exception {
        StringWriter out = new StringWriter();
        MapSvg.write(frame, space.duplicateGroups(), TITLE, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
    }

    private static MapFrame frame(AddressSpace space, int width, int height) {
        return new MapFrame(MapLayout.of(space.regions()), MapGeometry.forCanvas(width, height), new MapViewport(),
                List.of(), List.of());
    }

    /** Runs of equal classes per row, counted straight from the frame. */
    private static int runs(MapFrame frame) {
        int columns = frame.geometry().columns();
        byte[] classes = frame.classes();
        int runs = 0;
        for (int cell = 0; cell < classes.length; cell++) {
            runs += cell % columns == 0 || classes[cell] != classes[cell - 1] ? 1 : 0;
        }
        return runs;
    }

    @Test
    void oneRectPerRunNeverPerRegion() throws Exception {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.mapCycle(session, 4000, 500);
        AddressSpace space = session.space();
        MapFrame frame = frame(space, 700, 300);
        Document document = svg(frame, space);
        NodeList rects = group(document, "map").getElementsByTagNameNS(SVG, "rect");
        // the map's background, then the runs
        assertEquals(runs(frame) + 1, rects.getLength());
        assertTrue(rects.getLength() < space.size() / 20, rects.getLength() + " rects for " + space.size() + " regions");
        int[] widthPerRow = new int[frame.geometry().rows()];
        for (int i = 1; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            int row = (Integer.parseInt(rect.getAttribute("y")) - frame.geometry().top())
                    / (frame.geometry().bandHeight() + frame.geometry().rowGap());
            widthPerRow[row] += Integer.parseInt(rect.getAttribute("width"));
        }
        for (int width : widthPerRow) {
            assertEquals(frame.geometry().columns(), width, "runs of a row cover the row");
        }
    }

    @Test
    void rowLabelsAndDuplicateArcs() throws Exception {
        AddressSpace space = ExportSessions.build().space();
        assertEquals(1, space.duplicateGroups().size(), "the session maps one memfd twice");
        MapFrame frame = frame(space, 900, 400);
        Document document = svg(frame, space);
        NodeList texts = group(document, "map").getElementsByTagNameNS(SVG, "text");
        int labelled = 0;
        for (int row = 0; row < frame.geometry().rows(); row++) {
            // a row is labelled with the page that holds its first cell, as on the canvas
            long address = frame.addressOfCell(row * frame.geometry().columns()) & ~0xFFFL;
            if (address > 0) {
                assertEquals(String.format("%012x", address), texts.item(labelled).getTextContent());
                labelled++;
            }
        }
        assertEquals(labelled, texts.getLength());
        NodeList paths = group(document, "map").getElementsByTagNameNS(SVG, "path");
        // one arc for the duplicate pair
        assertEquals(1, paths.getLength());
        assertTrue(((Element) paths.item(0)).getAttribute("d").startsWith("M"));
        assertEquals(TITLE, document.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertEquals(TITLE, group(document, "title").getElementsByTagNameNS(SVG, "text").item(0).getTextContent());
        NodeList legend = group(document, "legend").getElementsByTagNameNS(SVG, "text");
        assertEquals(Legend.entries().size(), legend.getLength(), "one word per legend entry");
        assertEquals("rw-", legend.item(2).getTextContent());
        assertEquals(String.valueOf(MapPicture.height(400)), document.getDocumentElement().getAttribute("height"));
    }

    @Test
    void conflictsAreMarkedOverTheirCells() throws Exception {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, SimulatedSessions.BASE, 8L << 20, org.vmatlas.syscall.Prot.RW, "data");
        AddressSpace space = session.space();
        long start = SimulatedSessions.BASE + (2L << 20);
        var conflict = new org.vmatlas.model.Conflict(org.vmatlas.model.ConflictKind.FIXED_REPLACED_LIVE, start,
                start + (1L << 20), "test");
        MapFrame frame = new MapFrame(MapLayout.of(space.regions()), MapGeometry.forCanvas(800, 300), new MapViewport(),
                List.of(conflict), List.of());
        NodeList paths = svg(frame, space).getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        Element marks = null;
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            marks = "conflicts".equals(path.getAttribute("class")) ? path : marks;
        }
        assertTrue(marks != null, "a conflicts path");
        int cell = frame.cellOfAddress(start);
        assertTrue(marks.getAttribute("d").startsWith("M" + frame.geometry().cellX(cell) + " "), marks.getAttribute("d"));
        assertTrue(svg(frame(space, 800, 300), space).getElementsByTagNameNS("http://www.w3.org/2000/svg", "path")
                .getLength() < paths.getLength(), "no marks without a conflict");
    }
}
