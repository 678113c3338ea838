package org.vmatlas.app.internal.headless;

/**
 * Why a headless run stopped, as one sentence for the terminal, with the exit status it ends with:
 * {@link #BAD_INPUT} when the arguments or the files they name are at fault, {@link #INTERNAL} when
 * vmatlas itself failed. The message is printed as it is, so it is made {@link Printable} here.
 */
public final class HeadlessFailure extends Exception {

    /** The arguments, a file they name, a script or a process could not be used. */
    public static final int BAD_INPUT = 1;

    /** vmatlas failed (a missing service, an unexpected exception): the log file has the details. */
    public static final int INTERNAL = 2;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private HeadlessFailure(int exitCode, String sentence, Throwable cause) {
        super(sentence, cause);
        this.exitCode = exitCode;
    }

    /** Bad input; {@code sentence} names what and why, its parts already passed through {@link Printable}. */
    public static HeadlessFailure badInput(String sentence) {
        return new HeadlessFailure(BAD_INPUT, sentence, null);
    }

    public static HeadlessFailure badInput(String sentence, Throwable cause) {
        return new HeadlessFailure(BAD_INPUT, sentence, cause);
    }

    public static HeadlessFailure internal(String sentence, Throwable cause) {
        return new HeadlessFailure(INTERNAL, sentence, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
