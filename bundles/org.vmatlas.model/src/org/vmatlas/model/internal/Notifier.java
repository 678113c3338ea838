package org.vmatlas.model.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.vmatlas.model.ModelChange;
import org.vmatlas.model.ModelListener;
import org.vmatlas.model.Session;

/**
 * Coalesces changes into notifications (as Trace Compass's refresh handler does): at most one pending
 * change per session, extended while it waits, delivered by one daemon thread. Writers only update a map
 * entry, so a source appending a million events causes a handful of notifications, never a million.
 */
final class Notifier {

    private final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Session, int[]> pending = new LinkedHashMap<>();
    private Thread thread;
    private boolean stopped;

    void add(ModelListener listener) {
        listeners.add(listener);
    }

    void remove(ModelListener listener) {
        listeners.remove(listener);
    }

    /** Events up to {@code lastEvent} exist in {@code session} ({@code -1}: opened, closed or made current). */
    synchronized void changed(Session session, int lastEvent) {
        if (stopped) {
            return;
        }
        int[] range = pending.get(session);
        if (range == null) {
            pending.put(session, new int[] {lastEvent, lastEvent});
        } else {
            range[0] = range[0] < 0 ? lastEvent : range[0];
            range[1] = Math.max(range[1], lastEvent);
        }
        if (thread == null) {
            thread = new Thread(this::deliverLoop, "vmatlas model notifier");
            thread.setDaemon(true);
            thread.start();
        }
        notifyAll();
    }

    private void deliverLoop() {
        while (true) {
            ModelChange change;
            synchronized (this) {
                while (pending.isEmpty() && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                var first = pending.entrySet().iterator().next();
                pending.remove(first.getKey());
                change = new ModelChange(first.getKey(), first.getValue()[0], first.getValue()[1]);
            }
            for (ModelListener listener : listeners) {
                try {
                    listener.modelChanged(change);
                } catch (RuntimeException e) {
                    System.getLogger(Notifier.class.getName()).log(System.Logger.Level.WARNING,
                            "model listener " + listener + " failed", e);
                }
            }
        }
    }

    synchronized void stop() {
        stopped = true;
        pending.clear();
        notifyAll();
    }
}
