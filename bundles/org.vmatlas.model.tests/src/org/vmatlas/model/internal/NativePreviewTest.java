package org.vmatlas.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.vmatlas.model.Call;
import org.vmatlas.model.Preview;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.NativeKernel;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * A native session's preview tells what the sandbox would say, not only what the Linux rules guess: a
 * refusal or an answer the sandbox gives itself is previewed as such, and then the call, when run, gets
 * exactly that answer; a placement the kernel chooses is said to be a guess.
 */
class NativePreviewTest {
    private static final int ANONYMOUS = MapFlags.PRIVATE | MapFlags.ANONYMOUS;

    @Test
    void thePreviewSaysWhatTheSandboxWillAnswer() {
        assumeTrue(NativeKernel.supported(), "native kernel not supported here");
        try (Sandbox kernel = NativeKernel.open(16L << 20)) {
            SessionImpl session = new SessionImpl("preview", kernel, Personality.LINUX, 65530, s -> { });
            long at = kernel.arenaStart() + (4L << 20);
            session.apply(new Call.Mmap(at, 1L << 20, Prot.RW, ANONYMOUS | MapFlags.FIXED, -1, 0, "data"), "test");
            String before = kernel.mappings().toString();

            Call foreign = new Call.Mprotect(0x10000, 4096, Prot.RWX);
            Preview refused = session.preview(foreign);
            assertTrue(refused.result() instanceof SysResult.Err err && err.refused(), refused.summary());
            assertTrue(refused.summary().contains("without a kernel call"), refused.summary());
            assertEquals(before, kernel.mappings().toString(), "a preview calls nothing");
            assertEquals(refused.result(), session.apply(foreign, "test").result(), "the preview told the truth");

            Call unaligned = new Call.Munmap(at + 1, 4096);
            Preview invalid = session.preview(unaligned);
            assertEquals(Errno.EINVAL, invalid.result().errnoOrNull(), invalid.summary());
            assertEquals(invalid.result(), session.apply(unaligned, "test").result());

            Preview fixed = session.preview(new Call.Mprotect(at, 4096, Prot.READ));
            assertTrue(fixed.result().isOk(), fixed.summary());
            assertEquals(1, fixed.regionsSplit(), fixed.summary());

            Preview hinted = session.preview(new Call.Mmap(at, 4096, Prot.RW, ANONYMOUS, -1, 0, "hinted"));
            assertTrue(hinted.summary().contains("the kernel chooses the address"), hinted.summary());
            assertEquals(before, kernel.mappings().toString(), "previews call nothing");
        }
    }
}
