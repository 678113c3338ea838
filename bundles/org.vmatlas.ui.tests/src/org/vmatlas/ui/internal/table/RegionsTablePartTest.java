package org.vmatlas.ui.internal.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.model.junit.SimulatedSessions;
import org.vmatlas.render.table.RegionColumn;
import org.vmatlas.syscall.Prot;
import org.vmatlas.ui.internal.UiTestSupport;
import org.vmatlas.ui.internal.WorkbenchMoment;

class RegionsTablePartTest {

    private Shell shell;
    private RegionModelService models;
    private Session session;
    private RegionsTablePart part;
    private Table table;

    @BeforeEach
    void open() {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        models = SimulatedSessions.service();
        session = SimulatedSessions.linux(models);
        SimulatedSessions.mapCycle(session, 41, 1);
        part = new RegionsTablePart(models, new WorkbenchMoment());
        part.create(shell);
        shell.setSize(1000, 500);
        shell.open();
        part.refresh();
        table = part.table().control();
    }

    @AfterEach
    void close() {
        part.dispose();
        shell.dispose();
        models.close(session);
    }

    private int regionsWith(java.util.function.IntPredicate prot) {
        AddressSpace space = session.space();
        int count = 0;
        for (int i = 0; i < space.size(); i++) {
            count += prot.test(space.prot(i)) ? 1 : 0;
        }
        return count;
    }

    private String cell(int row, RegionColumn column) {
        return table.getItem(row).getText(column.ordinal());
    }

    @Test
    void filterShowsOnlyMatchingRows() {
        assertEquals(session.space().size(), table.getItemCount());
        part.filterField().setText("r-x");
        int expected = regionsWith(prot -> prot == Prot.RX);
        assertTrue(expected > 0 && expected < session.space().size());
        assertEquals(expected, table.getItemCount());
        for (int row = 0; row < table.getItemCount(); row++) {
            assertEquals("r-x", cell(row, RegionColumn.PROT));
        }
        part.filterField().setText("*x");
        assertEquals(regionsWith(prot -> (prot & Prot.EXEC) != 0), table.getItemCount());
        part.filterField().setText("r??");
        assertEquals(regionsWith(prot -> (prot & Prot.READ) != 0), table.getItemCount());
        assertTrue(part.footerText().startsWith(table.getItemCount() + " of " + session.space().size()), part.footerText());
        UiTestSupport.captureShell(shell, "regions-part.png");
    }

    @Test
    void nameFilterKeepsRegionsWhoseLabelOrFileItFinds() {
        part.nameField().setText("^r1");
        long expected = session.space().regions().stream()
                .filter(r -> r.label() != null && r.label().startsWith("r1")).count();
        assertTrue(expected > 1, "several labels start with r1: " + expected);
        assertEquals(expected, table.getItemCount());
        part.nameField().setText("R1\\d"); // case does not matter
        assertEquals(session.space().regions().stream()
                .filter(r -> r.label() != null && r.label().matches("r1\\d.*")).count(), table.getItemCount());
        part.nameField().setText("[");
        assertTrue(part.problemText().startsWith("Name: "), part.problemText());
        part.nameField().setText("");
        assertEquals(session.space().size(), table.getItemCount(), "an empty name keeps every region");
    }

    @Test
    void badPatternIsExplainedAndKeepsTheRows() {
        part.filterField().setText("rz");
        assertTrue(part.problemText().contains("'z' at position 2"), part.problemText());
        assertEquals(session.space().size(), table.getItemCount());
    }

    @Test
    void addressLookupSelectsAndRevealsTheHoldingRegion() {
        AddressSpace space = session.space();
        long address = space.start(37) + 123;
        part.lookupField().setText("0x" + Long.toHexString(address));
        part.lookupField().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        assertEquals(1, table.getSelectionCount());
        int row = table.getSelectionIndex();
        assertEquals(RegionColumn.hex(space.start(37)), cell(row, RegionColumn.START));
        assertEquals("", part.problemText());
        assertTrue(part.footerText().contains("1 selected, 4 KiB"), part.footerText());
    }

    @Test
    void addressLookupSelectsTheRegionForEveryPart() {
        java.util.List<Object> published = new java.util.ArrayList<>();
        ESelectionService selection = (ESelectionService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ESelectionService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("setSelection")) {
                        published.add(args[0]);
                    }
                    return null;
                });
        Shell other = new Shell(Display.getDefault());
        try {
            other.setLayout(new FillLayout());
            RegionsTablePart shared = new RegionsTablePart(models, new WorkbenchMoment(), selection);
            shared.create(other);
            AddressSpace space = session.space();
            shared.lookupField().setText("0x" + Long.toHexString(space.start(12) + 5));
            shared.lookupField().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            assertEquals(java.util.List.of(space.regions().get(12)), published,
                    "smaps of the selection and the map follow the region found");
            shared.dispose();
        } finally {
            other.dispose();
        }
    }

    @Test
    void lookupOfAFreeAddressSaysSo() {
        long free = session.space().end(0) + 16;
        part.lookupField().setText("0x" + Long.toHexString(free));
        part.lookupField().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        assertTrue(part.problemText().contains("in no region"), part.problemText());
        assertEquals(0, table.getSelectionCount());
    }

    @Test
    void headerClickSortsAndSecondClickReverses() {
        TableColumn protColumn = table.getColumn(RegionColumn.PROT.ordinal());
        protColumn.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        for (int row = 1; row < table.getItemCount(); row++) {
            assertTrue(Prot.parse(cell(row - 1, RegionColumn.PROT)) <= Prot.parse(cell(row, RegionColumn.PROT)));
        }
        protColumn.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(SWT.DOWN, table.getSortDirection());
        for (int row = 1; row < table.getItemCount(); row++) {
            assertTrue(Prot.parse(cell(row - 1, RegionColumn.PROT)) >= Prot.parse(cell(row, RegionColumn.PROT)));
        }
    }

    @Test
    void selectionFromTheMapSelectsTheRow() {
        var region = session.space().region(12);
        part.selected(region);
        assertEquals(RegionColumn.hex(region.start()), cell(table.getSelectionIndex(), RegionColumn.START));
    }

    @Test
    void aTypeChosenInTheSummaryKeepsItsRegions() {
        part.table().owners(org.vmatlas.owners.Classifications.of(session.space()));
        part.typeChosen(org.vmatlas.owners.RegionType.CODE.name());
        int code = regionsWith(prot -> prot == Prot.RX);
        assertTrue(code > 0 && code < session.space().size());
        assertEquals(code, table.getItemCount());
        for (int row = 0; row < table.getItemCount(); row++) {
            assertEquals("Code", cell(row, RegionColumn.TYPE));
            assertEquals("r-x", cell(row, RegionColumn.PROT));
        }
        part.typeChosen("");
        assertEquals(session.space().size(), table.getItemCount(), "every type again");
    }

    @Test
    void aLookedUpAddressReadsAsOwnerAndOffset() {
        AddressSpace space = session.space();
        part.owners(org.vmatlas.owners.Classifications.of(space));
        int rx = -1;
        for (int i = 0; i < space.size() && rx < 0; i++) {
            rx = space.prot(i) == Prot.RX ? i : -1;
        }
        long address = space.start(rx) + 0x123;
        part.lookupField().setText("0x" + Long.toHexString(address));
        part.lookupField().notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        assertTrue(part.footerText().endsWith("; Code+0x123"), part.footerText());
    }
}
