package org.vmatlas.owners.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Region;
import org.vmatlas.owners.Owner;
import org.vmatlas.owners.RegionType;
import org.vmatlas.syscall.Prot;

/**
 * Finds each thread's stack of a live process: {@code /proc/PID/task/TID/syscall} ends with the thread's
 * stack pointer and program counter ({@code "NR ARG1..ARG6 SP PC"} while it waits in a call, {@code "-1 SP PC"}
 * otherwise; {@code "running"} while it runs, when the pointer is not known). The region holding the stack
 * pointer is that thread's stack; an inaccessible anonymous region right below it is its guard. Reading the
 * file needs the right to ptrace the process: where the kernel withholds it, no thread is named.
 */
final class ThreadStacks {

    private ThreadStacks() {
    }

    /** Stack pointers by thread id; empty when the task list or the files may not be read. */
    static Map<Integer, Long> stackPointers(Path procRoot, long pid) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(procRoot.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                int tid;
                try {
                    tid = Integer.parseInt(task.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                long sp = stackPointer(task.resolve("syscall"));
                if (sp != 0) {
                    out.put(tid, sp);
                }
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** The second to last field of a {@code syscall} file, or 0 when there is none (running, unreadable). */
    static long stackPointer(Path syscallFile) {
        try {
            return parseStackPointer(new String(Files.readAllBytes(syscallFile), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long parseStackPointer(String text) {
        String[] fields = text.trim().split(" ");
        if (fields.length < 3) {
            return 0;
        }
        String sp = fields[fields.length - 2];
        if (!sp.startsWith("0x")) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(sp.substring(2), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Names the stack (and the guard below it) of every thread whose stack pointer is known. */
    static void apply(List<Region> regions, Owner[] owners, Map<Integer, Long> pointers, long pid,
            java.util.function.LongToIntFunction indexAt) {
        for (Map.Entry<Integer, Long> e : pointers.entrySet()) {
            int i = indexAt.applyAsInt(e.getValue());
            if (i < 0) {
                continue;
            }
            Region r = regions.get(i);
            boolean mainStack = "[stack]".equals(r.backing().name());
            if (!mainStack && !(KernelNames.isAnonymousPrivate(r) && r.writable())) {
                continue; // a stack the thread switched to elsewhere (a coroutine in a mapped file): leave it
            }
            owners[i] = Owner.stack(e.getKey());
            if (i > 0 && !mainStack) {
                Region below = regions.get(i - 1);
                if (below.end() == r.start() && below.prot() == Prot.NONE && KernelNames.isAnonymousPrivate(below)) {
                    owners[i - 1] = Owner.stackGuard(e.getKey());
                }
            }
        }
        // the main stack keeps its name even when its thread is running and its pointer unknown
        for (int i = 0; i < owners.length; i++) {
            if (owners[i].type() == RegionType.STACK && !owners[i].hasThread() && pid > 0 && pid <= Integer.MAX_VALUE
                    && "[stack]".equals(regions.get(i).backing().name())) {
                owners[i] = Owner.stack((int) pid);
            }
        }
    }
}
