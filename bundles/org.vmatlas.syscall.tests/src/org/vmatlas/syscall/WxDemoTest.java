package org.vmatlas.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 003's W^X JIT for real: code written through the RW view runs through the RX view. */
class WxDemoTest {
    private Sandbox kernel;

    @BeforeEach
    void open() {
        kernel = NativeKernel.open(16L << 20);
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    private void check(WxDemo.Outcome run) {
        assertTrue(run.succeeded(), run::failure);
        assertEquals(List.of(1, 2), List.of(run.first(), run.second()), "return 1, then rewritten return 2");
        assertNotEquals(run.writable(), run.executable());
        Mapping rw = ProcTruth.at(run.writable());
        Mapping rx = ProcTruth.at(run.executable());
        assertEquals(List.of(Prot.RW, true), List.of(rw.prot(), rw.shared()));
        assertEquals(List.of(Prot.RX, true), List.of(rx.prot(), rx.shared()));
        assertEquals(rw.inode(), rx.inode(), "both views map the same object");
        assertTrue(kernel.mappings().stream().noneMatch(m -> (m.prot() & Prot.WRITE) != 0 && (m.prot() & Prot.EXEC) != 0),
                "no page is writable and executable");
        WxDemo.release(kernel, run);
        assertTrue(kernel.mappings().isEmpty(), () -> "released: " + kernel.mappings());
    }

    @Test
    void memfdMappedTwice() {
        WxDemo.Outcome run = WxDemo.viaMemfd(kernel);
        assertTrue(ProcTruth.at(run.writable()).path().contains("memfd:vmatlas-jit"), () -> ProcTruth.at(run.writable()).path());
        assertEquals(List.of(), kernel.memfds(), "the descriptor is closed, the mappings keep the object");
        check(run);
    }

    @Test
    void remapDuplicateOfASharedMapping() {
        check(WxDemo.viaRemapDuplicate(kernel));
    }
}
