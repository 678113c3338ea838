package org.vmatlas.owners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OwnerTest {

    @Test
    void labelsNameTheOwnerAndItsPart() {
        assertEquals("libc.so.6 text", Owner.image("libc.so.6", "text").label());
        assertEquals("stack of thread 4711", Owner.stack(4711).label());
        assertEquals(4711, Owner.stack(4711).threadId());
        assertEquals("Reserved", Owner.of(RegionType.RESERVED, "").label());
        assertFalse(Owner.of(RegionType.HEAP, "[heap]").hasPart());
    }

    @Test
    void locationsReadAsOwnerPlusOffset() {
        Owner libc = Owner.image("libc.so.6", "text");
        assertEquals("libc.so.6+0x2a3f0 (malloc+0x40)",
                new Location(0x7f0000000000L, 3, libc, 0x2a3f0, "malloc", 0x40).toString());
        assertEquals("libc.so.6+0x10 (free)", new Location(1, 3, libc, 0x10, "free", 0).toString());
        assertTrue(Location.free(0x1000).isFree());
    }

    @Test
    void residencyAddsUnknownAsUnknown() {
        Residency r = new Residency(4096, 2048, 4096, 0, 0).plus(Residency.residentOnly(8192));
        assertEquals(12288, r.rss());
        assertEquals(Residency.UNKNOWN_BYTES, r.pss());
        assertFalse(Residency.UNKNOWN.isKnown());
        assertThrows(IllegalArgumentException.class, () -> new Residency(-2, 0, 0, 0, 0));
    }
}
