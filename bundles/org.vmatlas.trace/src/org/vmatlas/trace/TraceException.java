package org.vmatlas.trace;

/**
 * Why a trace could not start, as one sentence for people: strace is missing, tracing is not permitted,
 * the process is gone, or the program cannot be run.
 */
public final class TraceException extends Exception {

    private static final long serialVersionUID = 1L;

    public TraceException(String sentence) {
        super(sentence);
    }
}
