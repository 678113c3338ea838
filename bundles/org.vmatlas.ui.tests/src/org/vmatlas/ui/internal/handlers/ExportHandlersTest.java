package org.vmatlas.ui.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.WorkbenchMoment;
import org.vmatlas.ui.internal.export.DataExport;

class ExportHandlersTest {

    @TempDir
    Path folder;

    @Test
    void dataExportWritesTheRegionsAtThePastMoment() throws Exception {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.mapCycle(session, 6, 1);
        WorkbenchMoment moment = new WorkbenchMoment();
        moment.seek(2);
        Path file = folder.resolve("regions.csv");
        ExportDataHandler.write(DataExport.REGIONS_CSV, session, moment, file);
        // header plus the three regions that existed after event #2, each ending its line with CRLF
        assertEquals(3 + 1, Files.readString(file).split("\r\n").length);
        Path events = folder.resolve("events.csv");
        ExportDataHandler.write(DataExport.EVENTS_CSV, session, moment, events);
        assertEquals(session.timeline().size() + 1, Files.readString(events).split("\r\n").length);
    }

    @Test
    void svgExportWithoutAnOpenMapIsWellFormed() throws Exception {
        Session session = SimulatedSessions.linux(SimulatedSessions.service());
        SimulatedSessions.map(session, SimulatedSessions.BASE, 1L << 20, Prot.RW, "heap");
        Path file = folder.resolve("map.svg");
        ExportSvgHandler.write(session.space(), session.name(), null, file);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertEquals("1200", document.getDocumentElement().getAttribute("width"));
        assertTrue(document.getElementsByTagName("rect").getLength() > 2);
    }
}
