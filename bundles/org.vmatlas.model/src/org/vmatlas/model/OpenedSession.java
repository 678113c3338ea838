package org.vmatlas.model;

/**
 * What {@link RegionModelService#open} answered: the session, or the reason the kernel could not be opened
 * ("the native kernel needs Linux on x86_64 or aarch64", "cannot reserve a sandbox arena of ... bytes").
 */
public record OpenedSession(Session session, String reason) {

    public OpenedSession {
        if ((session == null) == (reason == null)) {
            throw new IllegalArgumentException("an opening has either a session or a reason, not both or neither");
        }
    }

    public boolean isOpen() {
        return session != null;
    }
}
