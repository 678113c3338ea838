package org.vmatlas.trace.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a process may not be attached, in one sentence, said before strace is asked (so that nothing is stopped,
 * and nothing opened, for a process vmatlas should not or cannot trace).
 */
public final class AttachRefusals {

    /** The system's first process: every other descends from it. */
    static final long INIT = 1;

    private AttachRefusals() {
    }

    /**
     * {@code null} when {@code pid} may be attached as far as {@code /proc} tells; else why not: it does not exist,
     * it is vmatlas itself, it is init, or another tracer holds it.
     */
    public static String before(long pid, long self) {
        if (pid <= 0 || !Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
            return "there is no process " + pid + " to trace (it has exited, or never ran)";
        }
        if (pid == self) {
            return "vmatlas cannot trace itself (process " + pid + ")";
        }
        if (pid == INIT) {
            return "process 1 (" + command(pid) + ") is init, which every other process descends from: vmatlas does"
                    + " not stop it at each of its calls; trace one of its children instead";
        }
        int tracer = ProcHost.tracerOf(pid);
        if (tracer > 0) {
            return "process " + pid + " is already traced by process " + tracer
                    + " (ptrace not permitted: a process has one tracer at a time)";
        }
        return null;
    }

    /**
     * Why {@code /proc/PID/maps} could not be read by user {@code me}: the process is gone, belongs to another user,
     * or keeps its memory from its own user too (a set-user-ID program, a process that made itself undumpable).
     */
    public static String unreadable(long pid, String me) {
        Path dir = Path.of("/proc", Long.toString(pid));
        String owner;
        try {
            owner = Files.getOwner(dir).getName();
        } catch (IOException | RuntimeException e) {
            return "there is no process " + pid + " to trace (it has exited)";
        }
        String what = "process " + pid + " (" + command(pid) + ")";
        if (!owner.equals(me)) {
            return what + " belongs to user " + owner + ", not to " + me + ": only its own user or root may trace it"
                    + " (ptrace not permitted; run vmatlas as " + owner + " to trace it)";
        }
        return "cannot read /proc/" + pid + "/maps: " + what + " keeps its memory from its own user too (a set-user-ID"
                + " program, or one that made itself undumpable; ptrace not permitted)";
    }

    /** The process's name from {@code /proc/PID/comm} (readable for every user), or "?" when it is gone. */
    static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
