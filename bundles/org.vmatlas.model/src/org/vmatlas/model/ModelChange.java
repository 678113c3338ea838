package org.vmatlas.model;

/**
 * Events {@code firstEvent..lastEvent} (inclusive) were appended to {@code session} since the last
 * notification; listeners get at most one pending change per session, however fast events arrive.
 * {@code firstEvent == -1} means the session was opened, closed or made current without new events.
 */
public record ModelChange(Session session, int firstEvent, int lastEvent) {
}
