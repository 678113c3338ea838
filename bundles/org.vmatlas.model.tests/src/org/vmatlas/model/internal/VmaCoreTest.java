package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Backing;
import org.vmatlas.model.RegionState;
import org.vmatlas.syscall.Prot;

class VmaCoreTest {

    static final long B = 0x100000000L;
    static final long P = 4096;

    static int anon(int prot) {
        int account = (prot & Prot.WRITE) != 0 ? Attr.ACCOUNT : 0;
        return Attrs.intern(new Attr(prot, Prot.RWX, false, Backing.Kind.ANONYMOUS, "", 0, 0, 0, account,
                prot == 0 ? RegionState.RESERVED : RegionState.READY, true, null));
    }

    static long at(long page) {
        return B + page * P;
    }

    static String layout(VmaCore core) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < core.size(); i++) {
            text.append((core.start(i) - B) / P).append('-').append((core.end(i) - B) / P).append(' ')
                    .append(Prot.letters(Attrs.get(core.attr(i)).prot())).append(';');
        }
        return text.toString();
    }

    @Test
    void unmapInTheMiddleSplitsInTwo() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(10), anon(Prot.RW));
        core.unmap(at(4), at(6));
        assertEquals("0-4 rw-;6-10 rw-;", layout(core));
    }

    @Test
    void protectInTheMiddleSplitsInThreeAndMergesBack() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(9), anon(Prot.RW));
        core.reprotect(at(3), at(6), Prot.READ);
        assertEquals("0-3 rw-;3-6 r--;6-9 rw-;", layout(core));
        core.reprotect(at(3), at(6), Prot.RW);
        assertEquals("0-9 rw-;", layout(core));
    }

    @Test
    void adjacentEqualMappingsMergeAndDifferentOnesDoNot() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(2), anon(Prot.RW));
        core.map(at(2), at(4), anon(Prot.RW));
        core.map(at(4), at(6), anon(Prot.READ));
        core.map(at(7), at(8), anon(Prot.READ));
        assertEquals("0-4 rw-;4-6 r--;7-8 r--;", layout(core));
        core.map(at(6), at(7), anon(Prot.READ));
        assertEquals("0-4 rw-;4-8 r--;", layout(core));
    }

    @Test
    void fixedMapOverSeveralRegionsReplacesThemAndKeepsTheEnds() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(3), anon(Prot.RW));
        core.map(at(3), at(6), anon(Prot.READ));
        core.map(at(6), at(9), anon(Prot.RX));
        core.map(at(2), at(7), anon(Prot.NONE));
        assertEquals("0-2 rw-;2-7 ---;7-9 r-x;", layout(core));
    }

    @Test
    void stateOrLabelDifferencesSplitTheModelButNotTheKernelView() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(4), anon(Prot.RW));
        core.retag(at(2), at(4), id -> Attrs.intern(Attrs.get(id).withState(RegionState.PREPARED, false)));
        assertEquals(2, core.size());
        assertEquals(1, core.kernelCount());
        assertEquals(1, KernelView.of(core).size());
        assertEquals(at(4), core.kernelVmaEnd(at(0)));
    }

    @Test
    void offsetsMustBeContiguousToMerge() {
        VmaCore core = new VmaCore();
        int moved = Attrs.intern(Attrs.get(anon(Prot.RW)).withDelta(-5 * P));
        core.map(at(0), at(2), anon(Prot.RW));
        core.map(at(2), at(4), moved);
        assertEquals(2, core.size());
        assertEquals(2, core.kernelCount());
    }

    @Test
    void reprotectRunStopsAtTheFirstHole() {
        VmaCore core = new VmaCore();
        core.map(at(0), at(2), anon(Prot.RW));
        core.map(at(2), at(4), anon(Prot.READ));
        core.map(at(5), at(8), anon(Prot.RW));
        assertEquals(at(4), core.reprotectRun(at(1), at(7), Prot.NONE));
        assertEquals("0-1 rw-;1-4 ---;5-8 rw-;", layout(core));
        assertEquals(at(4), core.reprotectRun(at(4), at(6), Prot.NONE), "free start: nothing");
    }

    @Test
    void highestGapSearchesTopDown() {
        VmaCore core = new VmaCore();
        core.map(at(8), at(10), anon(Prot.RW));
        assertEquals(at(10), core.highestGap(2 * P, at(0), at(12)));
        assertEquals(at(6), core.highestGap(2 * P, at(0), at(11)));
        assertEquals(-1, core.highestGap(9 * P, at(0), at(10)));
    }

    /** 100k random operations: the fast core against one attribute per page, compared every 1000 ops and at the end. */
    @Test
    void randomOperationsMatchThePageReference() {
        Random random = new Random(7);
        int pages = 4096;
        VmaCore core = new VmaCore();
        PageReference ref = new PageReference(B, pages);
        int[] prots = {Prot.NONE, Prot.READ, Prot.RW, Prot.RX};
        List<Integer> labelled = new ArrayList<>();
        for (int prot : prots) {
            labelled.add(anon(prot));
            labelled.add(Attrs.intern(Attrs.get(anon(prot)).withLabel("heap")));
        }
        int most = 0;
        for (int op = 0; op < 100_000; op++) {
            most = Math.max(most, core.size());
            int lo = random.nextInt(pages);
            int span = random.nextInt(100) < 2 ? 2048 : 64;
            int hi = Math.min(pages, lo + 1 + random.nextInt(span));
            int kind = random.nextInt(10);
            if (kind < 4) {
                int attr = labelled.get(random.nextInt(labelled.size()));
                core.map(at(lo), at(hi), attr);
                ref.map(at(lo), at(hi), attr);
            } else if (kind < 6) {
                core.unmap(at(lo), at(hi));
                ref.unmap(at(lo), at(hi));
            } else if (kind < 9) {
                int prot = prots[random.nextInt(4)];
                core.reprotect(at(lo), at(hi), prot);
                ref.retag(at(lo), at(hi), id -> Attrs.reprotected(id, prot));
            } else {
                RegionState state = RegionState.values()[random.nextInt(3)];
                core.retag(at(lo), at(hi), id -> Attrs.intern(Attrs.get(id).withState(state, false)));
                ref.retag(at(lo), at(hi), id -> Attrs.intern(Attrs.get(id).withState(state, false)));
            }
            if (op % 1000 == 0 || op == 99_999) {
                String want = PageReference.describe(ref.runs());
                String got = PageReference.describe(PageReference.runs(core));
                assertEquals(want, got, "after op " + op);
            }
        }
        assertTrue(most > 3 * VmaCore.CAP, "the run should spread regions over many blocks, at most " + most);
    }
}
