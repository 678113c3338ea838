package org.vmatlas.trace.internal;

import java.util.Locale;

/**
 * Turns strace's own complaints ({@code strace: attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted}) into
 * one sentence that says what went wrong and what to do.
 */
public final class StraceMessages {

    private StraceMessages() {
    }

    /** Whether a line of strace's standard error is strace speaking (it begins with its {@code argv[0]}). */
    public static boolean fromStrace(String line) {
        return line.startsWith("strace: ") || line.matches("/\\S*/strace: .*");
    }

    /** The line as {@code strace: ...}, whatever path strace was started by. */
    public static String normal(String line) {
        return line.substring(line.indexOf("strace: "));
    }

    /** Whether the line only reports progress (attached, detached) and is no error. */
    public static boolean routine(String line) {
        return line.startsWith("strace: Process ") && (line.endsWith(" attached") || line.endsWith(" detached"));
    }

    /** The sentence for an error line; {@code what} names the target ("process 4242", "'ls -l'"). */
    public static String sentence(String line, String what) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("operation not permitted")) {
            return "tracing " + what + " is not permitted (ptrace not permitted: another tracer holds it, or"
                    + " kernel.yama.ptrace_scope or the container forbids it)";
        }
        if (lower.contains("no such process")) {
            return "there is no process to trace: " + what + " has exited";
        }
        if (lower.contains("can't stat") || lower.contains("no such file")) {
            return "cannot run " + what + ": no such program";
        }
        if (lower.contains("permission denied")) {
            return "cannot run " + what + ": permission denied";
        }
        return "strace could not trace " + what + ": " + line.substring(Math.min(line.length(), "strace: ".length()));
    }
}
