package org.vmatlas.trace;

import java.time.Duration;

/**
 * How a live trace runs.
 *
 * @param reconcileEvery how often the models are compared with {@code /proc/PID/maps} while the program is quiet;
 *                       {@link Duration#ZERO} compares only at attach and at the end
 * @param inheritIo      a launched program reads and writes vmatlas's own standard streams; otherwise they are
 *                       pipes ({@link LiveTrace#programInput()}, {@link LiveTrace#programOutput()})
 */
public record TraceOptions(Duration reconcileEvery, boolean inheritIo) {

    /** Every three seconds, the program on pipes. */
    public static final TraceOptions DEFAULT = new TraceOptions(Duration.ofSeconds(3), false);

    public TraceOptions {
        if (reconcileEvery == null || reconcileEvery.isNegative()) {
            throw new IllegalArgumentException("the reconciling interval must be zero or positive, not " + reconcileEvery);
        }
    }
}
