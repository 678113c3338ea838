package org.vmatlas.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Region;
import org.vmatlas.syscall.Prot;

/** The colour modes beside protection: the painter and the legend follow what the facts say. */
class ColourModeTest {

    private static final long MIB = 1L << 20;
    private static final long A = 0x40000000L;
    private static final long B = A + 4 * MIB;
    private static final long C = B + 4 * MIB;

    /** A: heap, 90 % resident, clean; B: code, 10 % resident, swapped; C: nothing known. */
    private static final RegionFacts FACTS = new RegionFacts() {
        @Override
        public Type type(Region region) {
            return region.start() == A ? new Type("test-heap", "heap") : region.start() == B ? new Type("test-code", "code") : null;
        }

        @Override
        public String owner(Region region) {
            return region.start() == A ? "Java heap" : null;
        }

        @Override
        public double resident(Region region) {
            return region.start() == A ? 0.9 : region.start() == B ? 0.1 : Double.NaN;
        }

        @Override
        public double dirty(Region region) {
            return region.start() == C ? Double.NaN : 0;
        }

        @Override
        public double swapped(Region region) {
            return region.start() == B ? 0.5 : 0;
        }
    };

    private static List<Region> regions() {
        return List.of(MapLayoutTest.region(A, 4 * MIB, Prot.RW), MapLayoutTest.region(B, 4 * MIB, Prot.RX),
                MapLayoutTest.region(C, 4 * MIB, Prot.READ));
    }

    private static int middleOf(MapFrame frame, long start) {
        int cell = frame.cellOfAddress(start + 2 * MIB);
        return frame.pixel(frame.geometry().cellX(cell), frame.geometry().cellY(cell) + frame.geometry().bandHeight() / 2);
    }

    private static MapFrame frame(ColourMode mode) {
        return new MapFrame(MapLayout.of(regions()), MapGeometry.forCanvas(1000, 200), new MapViewport(), List.of(),
                List.of(), new Colouring(mode, FACTS));
    }

    @Test
    void residencyIsShadesOfBlueAndUnknownIsGrey() {
        MapFrame frame = frame(ColourMode.RESIDENCY);
        assertEquals(0x08519C, middleOf(frame, A), "90 % resident");
        assertEquals(0xDEEBF7, middleOf(frame, B), "10 % resident");
        assertEquals(0xB9B9B4, middleOf(frame, C), "unknown");
        List<String> legend = Legend.entries(frame.colouring()).stream().map(Legend.Entry::text).toList();
        assertTrue(legend.contains("75-100 %") && legend.contains("unknown"), "the legend follows the mode: " + legend);
        assertTrue(!legend.contains("r-x"), "no protection in the residency legend: " + legend);
    }

    @Test
    void swappedPagesAreTheirOwnColour() {
        MapFrame frame = frame(ColourMode.DIRTY_SWAP);
        assertEquals(0xC7E9C0, middleOf(frame, A), "clean");
        assertEquals(0x6A3D9A, middleOf(frame, B), "swapped");
        assertEquals(0xB9B9B4, middleOf(frame, C), "unknown");
    }

    @Test
    void typesGetColoursTheLegendShows() {
        MapFrame frame = frame(ColourMode.TYPE);
        int heap = middleOf(frame, A);
        int code = middleOf(frame, B);
        assertNotEquals(heap, code);
        assertEquals(0xB9B9B4, middleOf(frame, C), "unknown type");
        List<Legend.Entry> legend = Legend.entries(frame.colouring());
        Legend.Entry heapEntry = legend.stream().filter(e -> e.text().equals("heap")).findFirst().orElseThrow();
        Legend.Entry codeEntry = legend.stream().filter(e -> e.text().equals("code")).findFirst().orElseThrow();
        assertEquals(heap, Legend.swatch(heapEntry, 14, 14, frame.colouring())[7 * 14 + 7], "swatch as drawn");
        assertEquals(code, Legend.swatch(codeEntry, 14, 14, frame.colouring())[7 * 14 + 7], "swatch as drawn");
    }

    @Test
    void protectionModeIsUnchanged() {
        MapFrame frame = frame(ColourMode.PROTECTION);
        assertEquals(0x54A24B, middleOf(frame, A), "rw- green");
        assertEquals(0xF58518, middleOf(frame, B), "r-x orange");
    }

    @Test
    void anAnonymousRegionIsNamedByItsOwnerWhenTheFactsKnowIt() {
        MapFrame frame = frame(ColourMode.TYPE);
        List<String> texts = MapLabels.place(frame, text -> 6 * text.length()).stream().map(MapLabels.Label::text).toList();
        assertTrue(texts.contains("Java heap"), "the owner's name: " + texts);
        MapFrame protection = new MapFrame(MapLayout.of(regions()), MapGeometry.forCanvas(1000, 200), new MapViewport(),
                List.of(), List.of(), Colouring.PROTECTION);
        List<String> plain = MapLabels.place(protection, text -> 6 * text.length()).stream().map(MapLabels.Label::text)
                .toList();
        assertTrue(!plain.contains("Java heap"), "without facts no owner is named: " + plain);
    }

    @Test
    void theOwnersTypesHaveTheSameColourWhateverOrderTheyAreMetIn() {
        Region stack = new Region(A, B, Prot.RW, Prot.RW, false, org.vmatlas.model.Backing.anonymous(),
                org.vmatlas.model.RegionState.READY, false, "");
        RegionFacts stackFirst = new RegionFacts() {
            @Override
            public Type type(Region region) {
                return new Type("STACK", "Stack");
            }
        };
        Colouring colouring = new Colouring(ColourMode.TYPE, stackFirst);
        // stack is the owners' fourth type (image, mapped file, heap, stack): the fourth colour, met first or not
        assertEquals(0xB279A2, colouring.rgb(colouring.code(stack)));
        List<String> legend = Legend.entries(colouring).stream().map(Legend.Entry::text).toList();
        assertTrue(legend.contains("Stack"), "a type met is in the legend: " + legend);
    }
}
