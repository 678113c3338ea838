package org.vmatlas.sources.strace;

import java.util.List;

import org.vmatlas.syscall.Mapping;

/**
 * What the live system can tell {@link ProcessSpaces} that strace's lines do not: whose thread a newly seen id
 * is, and the mappings the kernel itself made at {@code execve}. A log has no live system: {@link #NONE}.
 */
public interface ProcessHost {

    /** Knows nothing: ids are placed from the log alone. */
    ProcessHost NONE = new ProcessHost() {
        @Override
        public int threadGroupOf(int tid) {
            return -1;
        }

        @Override
        public List<Mapping> execImage(int pid) {
            return List.of();
        }
    };

    /** The process a thread belongs to ({@code Tgid} of {@code /proc/TID/status}), or -1 when it cannot be read. */
    int threadGroupOf(int tid);

    /**
     * The mappings {@code execve} made, which no traced call explains (the program, the loader, the stack,
     * vdso and vvar), in address order; empty when they cannot be read.
     */
    List<Mapping> execImage(int pid);
}
