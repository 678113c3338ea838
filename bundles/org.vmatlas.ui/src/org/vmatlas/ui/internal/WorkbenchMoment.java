package org.vmatlas.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Session;

/**
 * The moment the whole workbench shows: live (the latest event) or a past event chosen with the
 * timeline scrubber or the event log. Lives in the application context; every part follows it.
 * Used on the UI thread only.
 */
public final class WorkbenchMoment {

    /** The index meaning "follow the latest event". */
    public static final int LIVE = Integer.MIN_VALUE;

    private int eventIndex = LIVE;
    private final List<Runnable> listeners = new ArrayList<>();

    public boolean isLive() {
        return eventIndex == LIVE;
    }

    /** The event shown, or {@link #LIVE}; -1 is the moment before the first event. */
    public int eventIndex() {
        return eventIndex;
    }

    public void seek(int index) {
        if (index != eventIndex) {
            eventIndex = index;
            listeners.forEach(Runnable::run);
        }
    }

    public void live() {
        seek(LIVE);
    }

    /** The index of the event shown in a session: the last one when live. */
    public int effectiveIndex(Session session) {
        int last = session.timeline().size() - 1;
        return isLive() ? last : Math.min(eventIndex, last);
    }

    /** The address space as it was at the moment. */
    public AddressSpace space(Session session) {
        return isLive() ? session.space() : session.timeline().spaceAfter(effectiveIndex(session));
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
