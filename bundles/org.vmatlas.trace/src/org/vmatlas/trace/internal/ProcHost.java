package org.vmatlas.trace.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.vmatlas.sources.proc.MapsSnapshot;
import org.vmatlas.sources.proc.ProcReader;
import org.vmatlas.sources.proc.ProcResult;
import org.vmatlas.sources.strace.ProcessHost;
import org.vmatlas.syscall.Mapping;

/** What {@code /proc} says about traced ids: whose thread an id is, and what the kernel mapped at {@code execve}. */
public final class ProcHost implements ProcessHost {

    private final ProcReader reader = new ProcReader();

    @Override
    public int threadGroupOf(int tid) {
        String value = status(tid, "Tgid:");
        return value == null ? -1 : Integer.parseInt(value);
    }

    /** The process tracing {@code pid} ({@code TracerPid}), 0 for none, -1 when it cannot be read. */
    public static int tracerOf(long pid) {
        String value = status(pid, "TracerPid:");
        return value == null ? -1 : Integer.parseInt(value);
    }

    /** A field of {@code /proc/PID/status}, or {@code null} when the process is gone. */
    static String status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    String value = line.substring(field.length()).strip();
                    return value.matches("[0-9]{1,10}") ? value : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read: not known
        }
        return null;
    }

    /** The program, the loader and the kernel's pseudo mappings of the stack, vdso and vvar (not the heap). */
    @Override
    public List<Mapping> execImage(int pid) {
        ProcResult<MapsSnapshot> maps = reader.maps(pid);
        if (!maps.isRead()) {
            return List.of();
        }
        String program;
        try {
            program = Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "exe")).toString();
        } catch (IOException | RuntimeException e) {
            program = null;
        }
        List<Mapping> all = user(maps.value().mappings());
        List<Mapping> image = new java.util.ArrayList<>();
        Mapping previous = null;
        for (Mapping m : all) {
            boolean kernels = m.path().startsWith("[") && !m.path().equals("[heap]");
            boolean file = m.path().equals(program) || loader(m.path());
            // the ELF loader maps a segment's zero-filled rest (.bss) as anonymous pages right after the file's
            boolean bss = m.path().isEmpty() && previous != null && previous.end() == m.start()
                    && (previous.path().equals(program) || loader(previous.path()));
            if (kernels || file || bss) {
                image.add(m);
            }
            previous = m;
        }
        return image;
    }

    /**
     * The mappings of the user half: {@code [vsyscall]} sits in the kernel's half (at {@code 0xffffffffff600000}),
     * where no call of the program can change it and no session holds pages.
     */
    public static List<Mapping> user(List<Mapping> mappings) {
        return mappings.stream().filter(m -> m.start() >= 0 && m.end() > 0).toList();
    }

    /** {@code /lib64/ld-linux-x86-64.so.2}, {@code ld-musl-x86_64.so.1}: the program interpreter. */
    static boolean loader(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith("ld-") && name.contains(".so");
    }

    /** The current mappings of {@code pid}, or {@code null} when they cannot be read (gone, not permitted). */
    public List<Mapping> maps(long pid) {
        ProcResult<MapsSnapshot> maps = reader.maps(pid);
        return maps.isRead() && !maps.value().mappings().isEmpty() ? user(maps.value().mappings()) : null;
    }
}
