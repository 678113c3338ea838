package org.vmatlas.model.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.model.TimelineStorage;
import org.vmatlas.syscall.SysResult;

/**
 * The append-only event log behind a session's timeline, in {@link TimelineSegment segments} of
 * {@link #SEGMENT} events. The newest segment grows in memory; sealed ones stay in memory up to a budget
 * (a quarter of the heap unless {@value #BUDGET_PROPERTY} says otherwise, in MiB), and past it the oldest
 * go to a {@link SpillFile} and are read back (two at most kept) when an event or a seek needs them, so
 * the heap holds a bounded part of a timeline of any length while a short one seeks without the disk. Every {@link #INTERVAL} events a checkpoint is kept; {@link #spaceAt}
 * starts from the nearest checkpoint (or the live state) and applies the runs forwards or backwards, so a
 * seek replays at most half an interval. Not thread-safe: the owning session guards it.
 */
public final class TimelineLog implements DiffSink {

    public static final int INTERVAL = 1024;
    /** Events per segment: 16 checkpoint intervals. */
    public static final int SEGMENT = 16 * INTERVAL;
    private static final int CACHED = 2;
    /** The system property giving the memory, in MiB, sealed segments may hold before they go to disk. */
    public static final String BUDGET_PROPERTY = "vmatlas.timeline.memory";

    private final int segmentEvents;
    private final long budget;
    private final SpillFile spill;
    private final List<SpillFile.Ref> sealed = new ArrayList<>();
    /** Sealed segments still only in memory, oldest first, and the bytes they hold. */
    private final ArrayDeque<SpillFile.Ref> unspilled = new ArrayDeque<>();
    private long unspilledBytes;
    private TimelineSegment open = new TimelineSegment(0, Snapshot.EMPTY);
    private final Map<Integer, TimelineSegment> cache = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, TimelineSegment> eldest) {
            return size() > CACHED;
        }
    };
    private int size;

    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();

    /** A timeline named {@code name} (for messages about its file) with the default memory budget. */
    public TimelineLog(String name) {
        this(name, SEGMENT, defaultBudget());
    }

    /**
     * As above with segments of {@code segmentEvents} (a multiple of {@link #INTERVAL}), whose sealed ones
     * may hold {@code budget} bytes before the oldest are written out: 0 writes each as it is sealed,
     * {@link Long#MAX_VALUE} keeps all in memory.
     */
    public TimelineLog(String name, int segmentEvents, long budget) {
        if (segmentEvents <= 0 || segmentEvents % INTERVAL != 0) {
            throw new IllegalArgumentException("segments of " + segmentEvents + " events: must be a positive multiple of " + INTERVAL);
        }
        this.segmentEvents = segmentEvents;
        this.budget = Math.max(0, budget);
        this.spill = budget == Long.MAX_VALUE ? null : new SpillFile(name);
    }

    static long defaultBudget() {
        String configured = System.getProperty(BUDGET_PROPERTY);
        if (configured != null) {
            try {
                return Math.max(0, Long.parseLong(configured.trim())) << 20;
            } catch (NumberFormatException e) {
                // an unreadable setting: the default
            }
        }
        return Runtime.getRuntime().maxMemory() / 4;
    }

    public int size() {
        return size;
    }

    @Override
    public void replaced(long[] oldStarts, long[] oldEnds, int[] oldAttrs, int oldFrom, int oldCount, long[] newStarts,
            long[] newEnds, int[] newAttrs, int newFrom, int newCount) {
        open.replaced(oldStarts, oldEnds, oldAttrs, oldFrom, oldCount, newStarts, newEnds, newAttrs, newFrom, newCount);
    }

    /** Closes the event whose changes were just recorded; {@code live} is the core after it. */
    public int commit(long time, String source, Call call, SysResult result, List<Conflict> found, VmaCore live) {
        return commit(time, source, call, result, found, List.of(), live);
    }

    /** As above, with what the call was recognised as ({@link Event#notes()}). */
    public int commit(long time, String source, Call call, SysResult result, List<Conflict> found, List<String> named,
            VmaCore live) {
        open.commit(time, sourceId(source), call, result, found, named);
        size++;
        if (open.size == segmentEvents) {
            seal();
            open = new TimelineSegment(size, Snapshot.of(live));
        } else if (open.size % INTERVAL == 0) {
            open.checkpoints.add(Snapshot.of(live));
        }
        return size - 1;
    }

    private void seal() {
        SpillFile.Ref ref = new SpillFile.Ref(open);
        sealed.add(ref);
        if (spill == null) {
            return;
        }
        unspilled.add(ref);
        unspilledBytes += ref.heapBytes;
        while (unspilledBytes > budget && !unspilled.isEmpty()) {
            SpillFile.Ref oldest = unspilled.poll();
            unspilledBytes -= oldest.heapBytes;
            spill.spill(oldest);
        }
    }

    private short sourceId(String source) {
        Integer id = sourceIndex.get(source);
        if (id == null) {
            id = sources.size() < Short.MAX_VALUE ? sources.size() : 0;
            if (id == sources.size()) {
                sources.add(source);
                sourceIndex.put(source, id);
            }
        }
        return id.shortValue();
    }

    private TimelineSegment segment(int number) {
        if (number == sealed.size()) {
            return open;
        }
        SpillFile.Ref ref = sealed.get(number);
        TimelineSegment resident = ref.resident;
        if (resident != null) {
            return resident;
        }
        TimelineSegment loaded = cache.get(number);
        if (loaded == null) {
            loaded = spill.load(ref);
            cache.put(number, loaded);
        }
        return loaded;
    }

    public Event event(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        TimelineSegment segment = segment(index / segmentEvents);
        return segment.event((int) (index - segment.base), sources);
    }

    private Snapshot checkpoint(int number) {
        int position = number * INTERVAL;
        TimelineSegment segment = segment(position / segmentEvents);
        return segment.checkpoints.get((position - (int) segment.base) / INTERVAL);
    }

    /** The space after the first {@code applied} events; {@code live} is the core after all of them. */
    public Snapshot spaceAt(int applied, VmaCore live) {
        if (applied < 0 || applied > size) {
            throw new IndexOutOfBoundsException("position " + applied + " of " + size);
        }
        int below = applied / INTERVAL;
        int above = below + 1;
        int toBelow = applied - below * INTERVAL;
        int toAbove = above <= size / INTERVAL ? above * INTERVAL - applied : Integer.MAX_VALUE;
        int toLive = size - applied;
        if (toLive <= toBelow && toLive <= toAbove) {
            VmaCore core = live.copy();
            backward(core, size, applied);
            return Snapshot.of(core);
        }
        if (toAbove < toBelow) {
            VmaCore core = checkpoint(above).toCore();
            backward(core, above * INTERVAL, applied);
            return Snapshot.of(core);
        }
        VmaCore core = checkpoint(below).toCore();
        forward(core, below * INTERVAL, applied);
        return Snapshot.of(core);
    }

    private void forward(VmaCore core, int from, int to) {
        while (from < to) {
            TimelineSegment segment = segment(from / segmentEvents);
            int end = (int) Math.min(to, segment.base + segmentEvents);
            segment.forward(core, (int) (from - segment.base), (int) (end - segment.base));
            from = end;
        }
    }

    private void backward(VmaCore core, int from, int to) {
        while (from > to) {
            TimelineSegment segment = segment((from - 1) / segmentEvents);
            int low = (int) Math.max(to, segment.base);
            segment.backward(core, (int) (from - segment.base), (int) (low - segment.base));
            from = low;
        }
    }

    /** What differs between two snapshots: a merge walk over both sorted entry lists. */
    public static RegionDiff diff(Snapshot a, Snapshot b) {
        List<Region> removed = new ArrayList<>();
        List<Region> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || i < a.size() && a.start(i) < b.start(j)) {
                removed.add(a.region(i++));
            } else if (i == a.size() || b.start(j) < a.start(i)) {
                added.add(b.region(j++));
            } else {
                if (a.end(i) != b.end(j) || a.attrId(i) != b.attrId(j)) {
                    removed.add(a.region(i));
                    added.add(b.region(j));
                }
                i++;
                j++;
            }
        }
        return new RegionDiff(removed, added);
    }

    /** Where the events are: bytes in memory (growing segment, unwritten and cached ones), bytes on disk. */
    public TimelineStorage storage() {
        long heap = open.heapBytes() + sealed.size() * 48L;
        for (SpillFile.Ref ref : sealed) {
            TimelineSegment resident = ref.resident;
            if (resident != null) {
                heap += resident.heapBytes();
            }
        }
        for (TimelineSegment cached : cache.values()) {
            heap += cached.heapBytes();
        }
        return new TimelineStorage(size, heap, spill == null ? 0 : spill.bytesOnDisk(),
                spill == null || spill.path() == null ? null : spill.path().toString(),
                spill == null ? null : spill.problem());
    }

    /** Bytes held in memory per event (an estimate for reports). */
    public double bytesPerEvent() {
        return size == 0 ? 0 : (double) storage().heapBytes() / size;
    }

    /** Deletes the spill file; the log is not read after this. */
    public void close() {
        cache.clear();
        if (spill != null) {
            spill.close();
        }
    }
}
