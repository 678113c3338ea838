package org.vmatlas.syscall;

import java.util.Comparator;

/** Mappings the JVM owns, found in {@code /proc/self/maps}: targets the sandbox must never touch. */
final class JvmMappings {
    private JvmMappings() {
    }

    static Mapping libjvmText() {
        return ProcTruth.all().stream()
                .filter(m -> m.path().endsWith("/libjvm.so") && (m.prot() & Prot.EXEC) != 0)
                .findFirst().orElseThrow(() -> new AssertionError("no libjvm.so text in /proc/self/maps"));
    }

    static Mapping mainStack() {
        return ProcTruth.all().stream().filter(m -> m.path().equals("[stack]"))
                .findFirst().orElseThrow(() -> new AssertionError("no [stack] in /proc/self/maps"));
    }

    /** The largest anonymous read-write mapping: the committed Java heap. */
    static Mapping javaHeap() {
        return ProcTruth.all().stream().filter(m -> m.path().isEmpty() && m.prot() == Prot.RW)
                .max(Comparator.comparingLong(Mapping::length))
                .orElseThrow(() -> new AssertionError("no anonymous rw-p mapping"));
    }
}
