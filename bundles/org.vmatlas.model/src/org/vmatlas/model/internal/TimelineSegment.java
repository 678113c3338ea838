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
import org.vmatlas.syscall.SysResult;

/**
 * A run of consecutive events of a timeline in packed primitive arrays: each event's call, answer, time,
 * source id, conflicts and notes, the changes its call made to the core as replaced runs (old entries, new
 * entries), and a checkpoint of the whole space every {@link TimelineLog#INTERVAL} events, the first at the
 * segment's start. Indexes are local to the segment. A sealed segment never changes, so it can be written
 * out ({@link SegmentCodec}) and read back whole.
 */
final class TimelineSegment {

    private static final SysResult OK_ZERO = SysResult.ok(0);

    final long base;
    int size;
    long[] times;
    short[] sourceIds;
    Call[] calls;
    SysResult[] results;
    Object[] conflicts;
    /** Few events carry notes: kept by local index, apart from the packed arrays. */
    final Map<Integer, List<String>> notes;
    int[] firstChunk;

    int chunks;
    int[] oldCounts;
    int[] newCounts;
    int[] firstEntry;

    int entries;
    long[] entryStarts;
    long[] entryEnds;
    int[] entryAttrs;

    final List<Snapshot> checkpoints;

    /** An empty segment whose events start at timeline position {@code base}, after the space {@code start}. */
    TimelineSegment(long base, Snapshot start) {
        this(base, 0, new long[256], new short[256], new Call[256], new SysResult[256], new Object[256], new HashMap<>(),
                new int[257], 0, new int[256], new int[256], new int[257], 0, new long[1024], new long[1024],
                new int[1024], new ArrayList<>(List.of(start)));
    }

    /** A segment read back: every array as written. */
    TimelineSegment(long base, int size, long[] times, short[] sourceIds, Call[] calls, SysResult[] results,
            Object[] conflicts, Map<Integer, List<String>> notes, int[] firstChunk, int chunks, int[] oldCounts,
            int[] newCounts, int[] firstEntry, int entries, long[] entryStarts, long[] entryEnds, int[] entryAttrs,
            List<Snapshot> checkpoints) {
        this.base = base;
        this.size = size;
        this.times = times;
        this.sourceIds = sourceIds;
        this.calls = calls;
        this.results = results;
        this.conflicts = conflicts;
        this.notes = notes;
        this.firstChunk = firstChunk;
        this.chunks = chunks;
        this.oldCounts = oldCounts;
        this.newCounts = newCounts;
        this.firstEntry = firstEntry;
        this.entries = entries;
        this.entryStarts = entryStarts;
        this.entryEnds = entryEnds;
        this.entryAttrs = entryAttrs;
        this.checkpoints = checkpoints;
    }

    void replaced(long[] oldStarts, long[] oldEnds, int[] oldAttrs, int oldFrom, int oldCount, long[] newStarts,
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

    /** Closes the event whose changes were just recorded. */
    void commit(long time, short sourceId, Call call, SysResult result, List<Conflict> found, List<String> named) {
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
        sourceIds[size] = sourceId;
        calls[size] = call;
        results[size] = result instanceof SysResult.Ok(long value) && value == 0 ? OK_ZERO : result;
        conflicts[size] = found.isEmpty() ? null : List.copyOf(found);
        size++;
        firstChunk[size] = chunks;
    }

    @SuppressWarnings("unchecked")
    List<Conflict> conflictsOf(int local) {
        return conflicts[local] == null ? List.of() : (List<Conflict>) conflicts[local];
    }

    Event event(int local, List<String> sources) {
        int[] olds = new int[8];
        int[] news = new int[8];
        int no = 0;
        int nn = 0;
        for (int c = firstChunk[local]; c < firstChunk[local + 1]; c++) {
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
        List<Conflict> found = conflictsOf(local);
        Conflict failure = calls[local] == null ? null : ConflictDetector.failure(calls[local], results[local]);
        if (failure != null) {
            List<Conflict> all = new ArrayList<>(found.size() + 1);
            all.add(failure);
            all.addAll(found);
            found = all;
        }
        return new Event(base + local, times[local], sources.get(sourceIds[local]), calls[local], results[local],
                removed, added, found, notes.getOrDefault(local, List.of()));
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

    /** Applies this segment's events {@code [from, to)} (local indexes) to {@code core}, in order. */
    void forward(VmaCore core, int from, int to) {
        for (int c = firstChunk[from]; c < firstChunk[to]; c++) {
            int e = firstEntry[c];
            core.applyReplacement(entryStarts[e], oldCounts[c], entryStarts, entryEnds, entryAttrs, e + oldCounts[c], newCounts[c]);
        }
    }

    /** Undoes this segment's events {@code [to, from)} (local indexes) on {@code core}, last first. */
    void backward(VmaCore core, int from, int to) {
        for (int c = firstChunk[from] - 1; c >= firstChunk[to]; c--) {
            int e = firstEntry[c];
            core.applyReplacement(entryStarts[e + oldCounts[c]], newCounts[c], entryStarts, entryEnds, entryAttrs, e, oldCounts[c]);
        }
    }

    /** Bytes the segment holds in memory, counting the arrays' capacity and the objects roughly. */
    long heapBytes() {
        long bytes = times.length * (8L + 2 + 4 + 4 + 4 + 4) + oldCounts.length * 12L + entryStarts.length * 20L
                + size * 48L + notes.size() * 96L;
        for (Snapshot s : checkpoints) {
            bytes += s.size() * 20L + 64;
        }
        return bytes;
    }
}
