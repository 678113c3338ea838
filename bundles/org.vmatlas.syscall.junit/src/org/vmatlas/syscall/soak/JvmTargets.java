package org.vmatlas.syscall.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.internal.ProcMaps;

/**
 * The JVM's own mappings a walk aims at, read once from {@code /proc/self/maps}: {@code libjvm.so} and
 * {@code libc}, the Java heap (the largest anonymous read-write mapping), {@code [heap]}'s first page, the
 * main {@code [stack]} and the stacks of threads that live as long as the JVM. None of them may change
 * because of a sandboxed call. Only mappings the JVM keeps for its whole life are chosen, so a change seen
 * later is the sandbox's doing: every page stays mapped with its protection and path (the Java heap's
 * protection may change, since the garbage collector commits and uncommits it).
 */
final class JvmTargets {
    private static final Set<String> LONG_LIVED_THREADS = Set.of("Reference Handl", "Finalizer", "Signal Dispatch",
            "Common-Cleaner");

    private final List<Mapping> targets;
    private final Mapping javaHeap;

    private JvmTargets(List<Mapping> targets, Mapping javaHeap) {
        this.targets = List.copyOf(targets);
        this.javaHeap = javaHeap;
    }

    static JvmTargets read() {
        List<Mapping> all = maps();
        List<Mapping> chosen = new ArrayList<>();
        for (Mapping m : all) {
            String path = m.path();
            if (path.endsWith("/libjvm.so") || path.contains("/libc.so")) {
                chosen.add(m);
            } else if (path.equals("[stack]")) {
                chosen.add(part(m, m.end() - (64 << 10), m.end()));
            } else if (path.equals("[heap]")) {
                chosen.add(part(m, m.start(), m.start() + 4096)); // malloc trims its top, never its first page
            }
        }
        Mapping javaHeap = all.stream().filter(m -> m.path().isEmpty() && m.prot() == Prot.RW)
                .max(Comparator.comparingLong(Mapping::length)).orElse(null);
        if (javaHeap != null) {
            chosen.add(javaHeap);
        }
        for (long sp : stackPointers()) {
            // only the frames around the stack pointer: neighbouring thread stacks share a VMA until the
            // JVM puts guard pages into a new thread's stack, which is the JVM's change, not the sandbox's
            long at = sp & -4096L;
            all.stream().filter(m -> m.start() <= sp && sp < m.end() && m.path().isEmpty()).findFirst()
                    .map(m -> part(m, at - (64 << 10), at + (8 << 10))).ifPresent(chosen::add);
        }
        // a long-lived thread may run on a stack another target already holds
        List<Mapping> distinct = chosen.stream().distinct().sorted(Comparator.comparingLong(Mapping::start)).toList();
        List<Mapping> kept = distinct.stream().filter(m -> distinct.stream()
                .noneMatch(o -> o != m && o.start() <= m.start() && m.end() <= o.end())).toList();
        return new JvmTargets(kept, javaHeap);
    }

    /** {@code m} within {@code [start, end)}. */
    private static Mapping part(Mapping m, long start, long end) {
        return new Mapping(Math.max(m.start(), start), Math.min(m.end(), end), m.prot(), m.maxProt(), m.shared(),
                m.offset(), m.device(), m.inode(), m.path());
    }

    List<Mapping> mappings() {
        return targets;
    }

    /** Some targeted page lies in {@code [start, end)}, both unsigned. */
    boolean touches(long start, long end) {
        for (Mapping t : targets) {
            if (Long.compareUnsigned(t.start(), end) < 0 && Long.compareUnsigned(t.end(), start) > 0) {
                return true;
            }
        }
        return false;
    }

    /** What changed in the targeted mappings since they were read, one line each; empty when nothing did. */
    List<String> changes() {
        List<Mapping> now = maps();
        List<String> out = new ArrayList<>();
        for (Mapping t : targets) {
            long at = t.start();
            for (Mapping m : ProcMaps.clip(now, new long[] { t.start(), t.end() })) {
                // the garbage collector may uncommit heap pages (PROT_NONE), never unmap them
                boolean protChanged = m.prot() != t.prot() && !t.equals(javaHeap);
                if (m.start() != at || protChanged || !m.path().equals(t.path())) {
                    out.add(t + " now shows " + m + (m.start() != at ? " after a hole at 0x" + Long.toHexString(at) : ""));
                }
                at = m.end();
            }
            if (at != t.end()) {
                out.add(t + " is unmapped from 0x" + Long.toHexString(at));
            }
        }
        return out;
    }

    static List<Mapping> maps() {
        try {
            return ProcMaps.read(Path.of("/proc/self/maps"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/maps", e);
        }
    }

    /** The stack pointers of this thread and of the JVM's long-lived threads, from {@code /proc/.../syscall}. */
    private static List<Long> stackPointers() {
        List<Long> out = new ArrayList<>();
        stackPointer(Path.of("/proc/thread-self/syscall"), out);
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String comm = Files.readString(task.resolve("comm")).strip();
                if (LONG_LIVED_THREADS.contains(comm)) {
                    stackPointer(task.resolve("syscall"), out);
                }
            }
        } catch (IOException e) {
            // a thread that ended or a /proc that hides them: the walk aims at fewer stacks
        }
        return out;
    }

    private static void stackPointer(Path syscall, List<Long> out) {
        try {
            String[] fields = Files.readString(syscall).strip().split(" ");
            if (fields.length >= 9) {
                out.add(Long.decode(fields[7]));
            }
        } catch (IOException | NumberFormatException e) {
            // running or not readable: no stack pointer to aim at
        }
    }
}
