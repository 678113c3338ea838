package org.vmatlas.sources.proc;

/**
 * Why a {@code /proc} file of a process could not be read, as the user should read it: an exited
 * process or a process that is not ours are ordinary outcomes, not crashes (DESIGN: "a process that
 * exits or is not ours gets a clear message").
 *
 * @param kind    what happened
 * @param pid     the process
 * @param message one sentence, e.g. {@code "process 1234 has exited"}
 */
public record ProcFailure(Kind kind, long pid, String message) {

    /** The outcomes a reader distinguishes. */
    public enum Kind {
        /** The process is gone (ENOENT/ESRCH on its {@code /proc} directory). */
        EXITED,
        /** The kernel refused access (EACCES/EPERM: another user's process, or ptrace rules). */
        NOT_PERMITTED,
        /** Any other read error. */
        IO
    }

    public ProcFailure {
        if (kind == null || message == null) {
            throw new IllegalArgumentException("a failure needs a kind and a message (pid " + pid + ")");
        }
    }

    @Override
    public String toString() {
        return message;
    }
}
