package org.vmatlas.syscall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.vmatlas.syscall.contract.KernelContractTest;
import org.vmatlas.syscall.internal.ProcMaps;

/** The contract against the real Linux kernel; the truth is {@code /proc/self/maps}. */
class NativeKernelContractTest extends KernelContractTest {

    @Override
    protected Kernel newKernel() {
        return NativeKernel.open();
    }

    /** {@code /proc/self/maps} without the arena's free reservation, which vmatlas draws as free. */
    @Override
    protected List<Mapping> truth(Kernel k) {
        List<AddressRange> reserved = ((Sandbox) k).reservedRanges();
        long[] visible = new long[2 * reserved.size() + 2];
        long from = 0;
        int n = 0;
        for (AddressRange r : reserved) {
            visible[n++] = from;
            visible[n++] = r.start();
            from = r.end();
        }
        visible[n++] = from;
        visible[n] = Long.MAX_VALUE;
        try {
            return ProcMaps.clip(ProcMaps.read(Path.of("/proc/self/maps")), visible);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected long base(Kernel k) {
        return ((Sandbox) k).arenaStart() + (16L << 20);
    }
}
