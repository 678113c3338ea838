package org.vmatlas.model;

/** A session file that cannot be read: names the file and the line (or offset) where reading stopped. */
public class SessionFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    public SessionFileException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line where the file went wrong, or 0 when the whole file is at fault. */
    public int line() {
        return line;
    }
}
