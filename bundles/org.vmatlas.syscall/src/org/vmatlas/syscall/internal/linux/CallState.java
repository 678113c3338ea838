package org.vmatlas.syscall.internal.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One reusable call-state segment per thread, so that hot calls ({@code mprotect} in a loop) allocate
 * nothing to learn their {@code errno}. The segments come from the global arena, whose scope costs
 * nothing to acquire around a downcall; each thread that ever calls keeps its few bytes for the life
 * of the process.
 */
final class CallState {
    private static final ThreadLocal<MemorySegment> SEGMENT =
            ThreadLocal.withInitial(() -> Arena.global().allocate(Libc.STATE_LAYOUT));

    private CallState() {
    }

    static MemorySegment current() {
        return SEGMENT.get();
    }
}
