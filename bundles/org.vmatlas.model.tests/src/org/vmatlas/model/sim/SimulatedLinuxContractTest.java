package org.vmatlas.model.sim;

import java.util.List;

import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.contract.KernelContractTest;

/** The simulated Linux passes the same contract as the native kernel; its own state is its truth. */
class SimulatedLinuxContractTest extends KernelContractTest {

    @Override
    protected Kernel newKernel() {
        return Personality.LINUX.newKernel();
    }

    @Override
    protected List<Mapping> truth(Kernel k) {
        return k.mappings();
    }

    @Override
    protected long base(Kernel k) {
        return 0x200000000L;
    }
}
