package org.vmatlas.syscall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.vmatlas.syscall.internal.ProcMaps;

/** The kernel as oracle: what {@code /proc/self/maps} says now. */
final class ProcTruth {
    private ProcTruth() {
    }

    static List<Mapping> all() {
        try {
            return ProcMaps.read(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The VMA holding {@code address}, or {@code null}. */
    static Mapping at(long address) {
        for (Mapping m : all()) {
            if (m.start() <= address && address < m.end()) {
                return m;
            }
        }
        return null;
    }

    /** The VMAs overlapping {@code [start, end)}. */
    static List<Mapping> within(long start, long end) {
        return all().stream().filter(m -> m.end() > start && m.start() < end).toList();
    }
}
