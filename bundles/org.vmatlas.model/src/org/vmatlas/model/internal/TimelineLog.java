package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.syscall.SysResult;

/**
 * The packed, append-only event log behind a session's timeline. Each event keeps its call, answer, time,
 * source and conflicts, and the changes its call made to the core as replaced runs (old entries, new
 * entries) in shared primitive arrays. Every {@link #INTERVAL} events a snapshot is kept; {@link #spaceAt}
 * starts from the nearest snapshot (or the live state) and applies the runs forwards or backwards, so a
 * seek replays at most half an interval. Not thread-safe: the owning session guards it.
 */
public final class TimelineLog implements DiffSink {

    public static final int INTERVAL = 1024;
    private static final SysResult OK_ZERO = SysResult.ok(0);

    private int size;
    private long[] times = new long[1024];
    private short[] sourceIds = new short[1024];
    private Call[] calls = new Call[1024];
    private SysResult[] results = new SysResult[1024];
    private Object[] conflicts = new Object[1024];
    /** Few events carry notes: kept by index, apart from the packed arrays. */
    private final java.util.Map<Integer, List<String>> notes = new java.util.HashMap<>();
    private int[] firstChunk = new int[1025];

    private int chunks;
    private int[] oldCounts = new int[1024];
    private int[] newCounts = new int[1024];
    private int[] firstEntry = new int[1025];

    private int entries;
    private long[] entryStarts = new long[4096];
    private long[] entryEnds = new long[4096];
    private int[] entryAttrs = new int[4096];

    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final List<Snapshot> checkpoints = new ArrayList<>(List.of(Snapshot.EMPTY));

    public int size() {
        return size;
    }

    @Override
    public void replaced(long[] oldStarts, long[] oldEnds, int[] oldAttrs, int oldFrom, int oldCount, long[] newStarts,
            long[] newEnds, int[] newAttrs, int newFrom, int newCount) {
        ensureEntries(oldCount + newCount);
        System.arraycopy(oldStarts, oldFrom, entryStarts, entries, oldCount);
        System.arraycopy(oldEnds, oldFrom, entryEnds, entries, oldCount);
        System.arraycopy(oldAttrs, oldFrom, entryAttrs, entries, oldCount);
        System.arraycopy(newStarts, newFrom, entryStarts, entries + oldCount, newCount);
        System.arraycopy(newEnds, newFrom, entryEnds, entries + oldCount, newCount);
        System.arraycopy(newAttrs, newFrom, entryAttrs, entries + oldCount, newCount);
        if (chunks + 1 >= oldCounts.length) {
            oldCounts = Arrays.copyOf(oldCounts, chunks * 2);
            newCounts = Arrays.copyOf(newCounts, chunks * 2);
            firstEntry = Arrays.copyOf(firstEntry, chunks * 2 + 1);
        }
        oldCounts[chunks] = oldCount;
        newCounts[chunks] = newCount;
        firstEntry[chunks] = entries;
        entries += oldCount + newCount;
        chunks++;
        firstEntry[chunks] = entries;
    }

    private void ensureEntries(int more) {
        if (entries + more > entryStarts.length) {
            int cap = Math.max(entryStarts.length * 2, entries + more);
            entryStarts = Arrays.copyOf(entryStarts, cap);
            entryEnds = Arrays.copyOf(entryEnds, cap);
            entryAttrs = Arrays.copyOf(entryAttrs, cap);
        }
    }

    /** Closes the event whose changes were just recorded; {@code live} is the core after it. */
    public int commit(long time, String source, Call call, SysResult result, List<Conflict> found, VmaCore live) {
        return commit(time, source, call, result, found, List.of(), live);
    }

    /** As above, with what the call was recognised as ({@link Event#notes()}). */
    public int commit(long time, String source, Call call, SysResult result, List<Conflict> found, List<String> named,
            VmaCore live) {
        if (!named.isEmpty()) {
            notes.put(size, List.copyOf(named));
        }
        if (size + 1 >= times.length) {
            int cap = times.length * 2;
            times = Arrays.copyOf(times, cap);
            sourceIds = Arrays.copyOf(sourceIds, cap);
            calls = Arrays.copyOf(calls, cap);
            results = Arrays.copyOf(results, cap);
            conflicts = Arrays.copyOf(conflicts, cap);
            firstChunk = Arrays.copyOf(firstChunk, cap + 1);
        }
        times[size] = time;
        sourceIds[size] = sourceId(source);
        calls[size] = call;
        results[size] = result instanceof SysResult.Ok(long value) && value == 0 ? OK_ZERO : result;
        conflicts[size] = found.isEmpty() ? null : List.copyOf(found);
        size++;
        firstChunk[size] = chunks;
        if (size % INTERVAL == 0) {
            checkpoints.add(Snapshot.of(live));
        }
        return size - 1;
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

    @SuppressWarnings("unchecked")
    public Event event(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        int[] olds = new int[8];
        int[] news = new int[8];
        int no = 0;
        int nn = 0;
        for (int c = firstChunk[index]; c < firstChunk[index + 1]; c++) {
            for (int k = firstEntry[c]; k < firstEntry[c + 1]; k++) {
                if (k < firstEntry[c] + oldCounts[c]) {
                    olds = put(olds, no++, k);
                } else {
                    news = put(news, nn++, k);
                }
            }
        }
        List<Region> removed = netOf(olds, no, news, nn);
        List<Region> added = netOf(news, nn, olds, no);
        List<Conflict> found = conflicts[index] == null ? List.of() : (List<Conflict>) conflicts[index];
        Conflict failure = calls[index] == null ? null : ConflictDetector.failure(calls[index], results[index]);
        if (failure != null) {
            List<Conflict> all = new ArrayList<>(found.size() + 1);
            all.add(failure);
            all.addAll(found);
            found = all;
        }
        return new Event(index, times[index], sources.get(sourceIds[index]), calls[index], results[index], removed,
                added, found, notes.getOrDefault(index, List.of()));
    }

    private static int[] put(int[] array, int at, int value) {
        int[] out = at == array.length ? Arrays.copyOf(array, at * 2) : array;
        out[at] = value;
        return out;
    }

    /**
     * Entries of {@code mine} that no entry of {@code other} equals: an entry that one chunk of an event
     * added and a later chunk removed again is no change of the event.
     */
    private List<Region> netOf(int[] mine, int count, int[] other, int otherCount) {
        List<Region> out = new ArrayList<>();
        Set<Key> others = null;
        if (otherCount > 16) {
            others = new HashSet<>();
            for (int j = 0; j < otherCount; j++) {
                others.add(new Key(entryStarts[other[j]], entryEnds[other[j]], entryAttrs[other[j]]));
            }
        }
        for (int i = 0; i < count; i++) {
            int k = mine[i];
            boolean matched = false;
            if (others != null) {
                matched = others.contains(new Key(entryStarts[k], entryEnds[k], entryAttrs[k]));
            } else {
                for (int j = 0; j < otherCount && !matched; j++) {
                    int m = other[j];
                    matched = entryStarts[m] == entryStarts[k] && entryEnds[m] == entryEnds[k] && entryAttrs[m] == entryAttrs[k];
                }
            }
            if (!matched) {
                out.add(Snapshot.region(entryStarts[k], entryEnds[k], entryAttrs[k]));
            }
        }
        return out;
    }

    private record Key(long start, long end, int attr) {
    }

    /** The space after the first {@code applied} events; {@code live} is the core after all of them. */
    public Snapshot spaceAt(int applied, VmaCore live) {
        if (applied < 0 || applied > size) {
            throw new IndexOutOfBoundsException("position " + applied + " of " + size);
        }
        int below = applied / INTERVAL;
        int above = below + 1;
        int toBelow = applied - below * INTERVAL;
        int toAbove = above < checkpoints.size() ? above * INTERVAL - applied : Integer.MAX_VALUE;
        int toLive = size - applied;
        if (toLive <= toBelow && toLive <= toAbove) {
            VmaCore core = live.copy();
            backward(core, size, applied);
            return Snapshot.of(core);
        }
        if (toAbove < toBelow) {
            VmaCore core = checkpoints.get(above).toCore();
            backward(core, above * INTERVAL, applied);
            return Snapshot.of(core);
        }
        VmaCore core = checkpoints.get(below).toCore();
        forward(core, below * INTERVAL, applied);
        return Snapshot.of(core);
    }

    private void forward(VmaCore core, int from, int to) {
        for (int c = firstChunk[from]; c < firstChunk[to]; c++) {
            int e = firstEntry[c];
            core.applyReplacement(entryStarts[e], oldCounts[c], entryStarts, entryEnds, entryAttrs, e + oldCounts[c], newCounts[c]);
        }
    }

    private void backward(VmaCore core, int from, int to) {
        for (int c = firstChunk[from] - 1; c >= firstChunk[to]; c--) {
            int e = firstEntry[c];
            core.applyReplacement(entryStarts[e + oldCounts[c]], newCounts[c], entryStarts, entryEnds, entryAttrs, e, oldCounts[c]);
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

    /** Bytes held per event, counting the arrays' used parts and the call and result objects roughly. */
    public double bytesPerEvent() {
        if (size == 0) {
            return 0;
        }
        long bytes = size * (8L + 2 + 4 + 4 + 4 + 4) + chunks * 12L + entries * 20L;
        for (Snapshot s : checkpoints) {
            bytes += s.size() * 20L + 64;
        }
        return (double) bytes / size;
    }
}
