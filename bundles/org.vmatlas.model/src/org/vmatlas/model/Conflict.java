package org.vmatlas.model;

/**
 * One conflict an event raised, with a message for people: what happened, where, and how much.
 *
 * @param start first byte concerned (0 when the conflict has no place, e.g. a failed call)
 * @param end   one past the last byte concerned, at or above {@code start}
 */
public record Conflict(ConflictKind kind, long start, long end, String message) {

    public Conflict {
        if (kind == null || message == null) {
            throw new IllegalArgumentException("a conflict needs a kind and a message");
        }
        if (end < start) {
            throw new IllegalArgumentException("conflict end 0x" + Long.toHexString(end) + " below start 0x"
                    + Long.toHexString(start));
        }
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
