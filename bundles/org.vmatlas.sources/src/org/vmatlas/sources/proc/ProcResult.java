package org.vmatlas.sources.proc;

/**
 * A value read from {@code /proc} or the reason it could not be: errors travel beside values, as
 * the syscall layer's {@code SysResult} does, so that an exited process is no exception.
 *
 * @param <T> what was read
 */
public sealed interface ProcResult<T> permits ProcResult.Read, ProcResult.Failed {

    /** The file was read. */
    record Read<T>(T value) implements ProcResult<T> {
    }

    /** The file could not be read. */
    record Failed<T>(ProcFailure failure) implements ProcResult<T> {
    }

    static <T> ProcResult<T> read(T value) {
        return new Read<>(value);
    }

    static <T> ProcResult<T> failed(ProcFailure failure) {
        return new Failed<>(failure);
    }

    default boolean isRead() {
        return this instanceof Read;
    }

    /** The value; asking a failed result is a programming error naming the failure. */
    default T value() {
        if (this instanceof Read<T>(T value)) {
            return value;
        }
        throw new IllegalStateException("nothing was read: " + failure().message());
    }

    /** The failure, or {@code null} when the file was read. */
    default ProcFailure failure() {
        return this instanceof Failed<T>(ProcFailure failure) ? failure : null;
    }
}
