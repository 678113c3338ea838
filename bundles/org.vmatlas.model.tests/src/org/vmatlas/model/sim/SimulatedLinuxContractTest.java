package org.vmatlas.model.sim;

import java.util.List;

import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.contract.KernelContractTest;
import org.vmatlas.syscall.contract.RecordingKernel;

/**
 * The simulated Linux passes the same contract as the native kernel. Its truth is a {@link
 * org.vmatlas.syscall.contract.ReferenceModel} fed the calls the simulation carried out, so the check
 * fails when the simulation places, splits or merges pages differently from Linux's rules.
 */
class SimulatedLinuxContractTest extends KernelContractTest {

    @Override
    protected Kernel newKernel() {
        return new RecordingKernel(Personality.LINUX.newKernel());
    }

    @Override
    protected List<Mapping> truth(Kernel k) {
        return ((RecordingKernel) k).reference().mappings();
    }

    @Override
    protected long base(Kernel k) {
        return 0x200000000L;
    }
}
