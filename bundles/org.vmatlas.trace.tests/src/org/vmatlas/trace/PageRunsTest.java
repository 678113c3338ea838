package org.vmatlas.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.trace.internal.PageRuns;

/** The page-by-page comparison of a model with the kernel: equal neighbours the kernel keeps apart are equal. */
class PageRunsTest {

    private static Mapping m(long start, long end, int prot) {
        return new Mapping(start, end, prot, Prot.RWX, false, 0, 0, 0, "");
    }

    @Test
    void neighboursTheKernelKeepsApartAreTheSamePages() {
        assertNull(PageRuns.difference(List.of(m(0x1000, 0x4000, Prot.RW)),
                List.of(m(0x1000, 0x2000, Prot.RW), m(0x2000, 0x4000, Prot.RW))));
    }

    @Test
    void aProtectionOrAnEndThatDiffersIsNamed() {
        assertEquals("model 1000-4000 rw-p but kernel 1000-2000 rw-p", PageRuns.difference(
                List.of(m(0x1000, 0x4000, Prot.RW)), List.of(m(0x1000, 0x2000, Prot.RW), m(0x2000, 0x4000, Prot.READ))));
        assertEquals("kernel 5000-6000 r--p but the model has nothing there", PageRuns.difference(
                List.of(m(0x1000, 0x2000, Prot.RW)), List.of(m(0x1000, 0x2000, Prot.RW), m(0x5000, 0x6000, Prot.READ))));
    }
}
