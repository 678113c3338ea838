package org.vmatlas.owners;

/**
 * What one runtime knows about its own memory (an OSGi service, one class per runtime: JVM, Go, glibc
 * malloc, CPython). The classifier calls every registered recognizer after its generic rules; a
 * recognizer claims the regions it can name and leaves the others alone. Recognizers are called one at a
 * time, in ascending {@link #order()}, and must not keep the context.
 */
public interface Recognizer {

    /** A short name for messages ("JVM", "Go"). */
    String name();

    /** When this recognizer runs relative to others: lower first, so that a more specific one may override. */
    default int order() {
        return 100;
    }

    /** Claims the regions of {@code context} this runtime owns; quick when it finds nothing of its own. */
    void recognize(RecognitionContext context);
}
