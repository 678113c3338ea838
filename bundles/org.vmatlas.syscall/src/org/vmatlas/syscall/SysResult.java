package org.vmatlas.syscall;

/**
 * What a kernel call answered: a value or an error, never both, never one encoded in the other
 * (seed 001). A refusal by the sandbox is an error too, with {@link Err#refused()} set and a reason
 * that names the pages it would have touched; the kernel was not called.
 */
public sealed interface SysResult permits SysResult.Ok, SysResult.Err {

    /** A successful call and its value: an address, a file descriptor, a count or 0. */
    record Ok(long value) implements SysResult {
    }

    /**
     * A failed or refused call.
     *
     * @param errno   the error number the kernel (or the simulated personality) answered
     * @param detail  why, in words, when there is more to say than the errno; may be {@code null}
     * @param refused {@code true} when the sandbox refused the call without asking the kernel
     */
    record Err(Errno errno, String detail, boolean refused) implements SysResult {
        public Err {
            if (errno == null) {
                throw new IllegalArgumentException("an error result needs an errno");
            }
        }
    }

    static SysResult ok(long value) {
        return new Ok(value);
    }

    static SysResult error(Errno errno) {
        return new Err(errno, null, false);
    }

    static SysResult error(Errno errno, String detail) {
        return new Err(errno, detail, false);
    }

    /** The sandbox said no: the call would have changed pages it does not own. */
    static SysResult refused(String reason) {
        return new Err(Errno.EPERM, reason, true);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value of a successful call; asking a failed one is a programming error. */
    default long value() {
        if (this instanceof Ok(long value)) {
            return value;
        }
        throw new IllegalStateException("no value: the call failed with " + this);
    }

    /** The errno of a failed call, or {@code null} when it succeeded. */
    default Errno errnoOrNull() {
        return this instanceof Err err ? err.errno() : null;
    }

    /** One line for a status bar or an event log: {@code 0x7f0000000000} or {@code ENOMEM (Cannot allocate memory)}. */
    default String describe() {
        return switch (this) {
            case Ok(long value) -> "0x" + Long.toHexString(value);
            case Err(Errno errno, String detail, boolean refused) -> (refused ? "refused by sandbox: " : "")
                    + errno.name() + " (" + (detail != null ? detail : errno.message()) + ")";
        };
    }
}
