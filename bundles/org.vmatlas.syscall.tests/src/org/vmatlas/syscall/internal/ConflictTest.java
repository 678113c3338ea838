package org.vmatlas.syscall.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.internal.linux.LinuxCalls;

/**
 * Seed 001's "address space conflict": while a hint's arena pages are handed back, another part of the
 * process maps there. The kernel places the call elsewhere, the sandbox reports the hint not honoured,
 * the intruder's mapping is left alone and its pages leave the ledger.
 */
class ConflictTest {
    private LinuxCalls raw;
    private SandboxKernel sandbox;
    private long p;
    private long intruder;

    /** Hands pages back like the real kernel, then lets an "other thread" map the first of them. */
    private final class Intruding extends CountingCalls {
        Intruding(LinuxCalls real) {
            super(real);
        }

        @Override
        public SysResult munmap(long address, long length) {
            SysResult r = super.munmap(address, length);
            if (intruder == 0 && r.isOk()) {
                intruder = raw.mmap(address, p, Prot.READ, MapFlags.PRIVATE | MapFlags.ANONYMOUS
                        | MapFlags.FIXED_NOREPLACE, -1, 0).value();
            }
            return r;
        }
    }

    @BeforeEach
    void open() {
        raw = new LinuxCalls();
        p = raw.pageSize();
        long size = 16L << 20;
        long arena = raw.mmap(0, size, Prot.NONE, SandboxKernel.RESERVE, -1, 0).value();
        sandbox = new SandboxKernel(new Intruding(raw), arena, arena + size, "Linux (native, intruded)");
    }

    @AfterEach
    void close() {
        sandbox.close();
        if (intruder != 0) {
            raw.munmap(intruder, p);
        }
    }

    @Test
    void aTakenHintIsReportedAndNeverClobbered() throws Exception {
        long hint = sandbox.arenaStart() + (1L << 20);
        SysResult r = sandbox.mmap(hint, 2 * p, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS, -1, 0);
        assertTrue(r.isOk(), r::describe);
        assertFalse(Sandbox.honoured(hint, r));
        assertNotEquals(hint, r.value());
        assertEquals(hint, intruder);
        assertEquals(List.of(new AddressRange(hint, hint + p)), sandbox.lostRanges());
        assertTrue(sandbox.owns(hint + p, p), "the page nobody took is reserved again");
        assertFalse(sandbox.owns(hint, p));
        assertTrue(sandbox.owns(r.value(), 2 * p));
        Mapping theirs = ProcMaps.read(Path.of("/proc/self/maps")).stream()
                .filter(m -> m.start() <= hint && hint < m.end()).findFirst().orElseThrow();
        assertEquals(Prot.READ, theirs.prot(), "the intruder's page is untouched");
        assertEquals(Prot.NONE, ProcMaps.read(Path.of("/proc/self/maps")).stream()
                .filter(m -> m.start() <= hint + p && hint + p < m.end()).findFirst().orElseThrow().prot(),
                "the free page next to it is reservation again");
    }
}
