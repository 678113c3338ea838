package org.vmatlas.render.chart;

import java.util.Arrays;

/**
 * The timeline series' storage, bounded: consecutive events share a bucket that keeps, per slot, the
 * smallest, largest and last value, and the first event's time. A bucket holds one event until the
 * buckets run out; then neighbours merge pairwise and each bucket holds twice as many events. So the
 * memory stays under {@link #bytesAtMost} however long a session runs, a chart column still sees every
 * minimum and maximum, and below the bound every value is exact.
 * <p>
 * The marks of failing events thin out with the buckets: one (the latest) per bucket.
 */
final class SeriesBuckets {

    private final int slots;
    private final int maxBuckets;
    private int perBucket = 1;
    private int used;
    private final long[][] last;
    /** Minimum and maximum per slot; {@code null} while every bucket holds one event (they equal {@link #last}). */
    private long[][] min;
    private long[][] max;
    private double[] firstSeconds = new double[0];
    private int[] marks = new int[0];
    private int markCount;

    SeriesBuckets(int slots, int maxBuckets) {
        if (slots < 1 || maxBuckets < 2 || Integer.bitCount(maxBuckets) != 1) {
            throw new IllegalArgumentException("series buckets need slots >= 1 and a power of two >= 2 buckets, got "
                    + slots + " slots and " + maxBuckets + " buckets");
        }
        this.slots = slots;
        this.maxBuckets = maxBuckets;
        last = new long[slots][0];
    }

    /** Records the values after event {@code index} (the next one: events come in order from 0). */
    void append(int index, long[] values, double seconds, boolean marked) {
        int bucket = index / perBucket;
        if (bucket >= maxBuckets) {
            mergePairs();
            bucket = index / perBucket;
        }
        if (bucket == used) {
            ensureCapacity(used + 1);
            firstSeconds[bucket] = seconds;
            for (int k = 0; k < slots; k++) {
                last[k][bucket] = values[k];
                if (min != null) {
                    min[k][bucket] = values[k];
                    max[k][bucket] = values[k];
                }
            }
            used++;
        } else {
            for (int k = 0; k < slots; k++) {
                last[k][bucket] = values[k];
                min[k][bucket] = Math.min(min[k][bucket], values[k]);
                max[k][bucket] = Math.max(max[k][bucket], values[k]);
            }
        }
        if (marked) {
            if (markCount > 0 && marks[markCount - 1] / perBucket == bucket) {
                marks[markCount - 1] = index;
            } else {
                marks = grown(marks, markCount + 1);
                marks[markCount++] = index;
            }
        }
    }

    private void mergePairs() {
        if (min == null) {
            min = new long[slots][];
            max = new long[slots][];
            for (int k = 0; k < slots; k++) {
                min[k] = last[k].clone();
                max[k] = last[k].clone();
            }
        }
        int half = (used + 1) / 2;
        for (int b = 0; b < half; b++) {
            int left = 2 * b;
            int right = Math.min(left + 1, used - 1);
            firstSeconds[b] = firstSeconds[left];
            for (int k = 0; k < slots; k++) {
                min[k][b] = Math.min(min[k][left], min[k][right]);
                max[k][b] = Math.max(max[k][left], max[k][right]);
                last[k][b] = last[k][right];
            }
        }
        used = half;
        perBucket *= 2;
        int kept = 0;
        for (int i = 0; i < markCount; i++) {
            if (kept > 0 && marks[kept - 1] / perBucket == marks[i] / perBucket) {
                marks[kept - 1] = marks[i];
            } else {
                marks[kept++] = marks[i];
            }
        }
        markCount = kept;
    }

    private void ensureCapacity(int wanted) {
        if (wanted <= firstSeconds.length) {
            return;
        }
        int capacity = Math.min(maxBuckets, Math.max(1024, firstSeconds.length * 2));
        firstSeconds = Arrays.copyOf(firstSeconds, capacity);
        for (int k = 0; k < slots; k++) {
            last[k] = Arrays.copyOf(last[k], capacity);
            if (min != null) {
                min[k] = Arrays.copyOf(min[k], capacity);
                max[k] = Arrays.copyOf(max[k], capacity);
            }
        }
    }

    private int[] grown(int[] array, int wanted) {
        return wanted <= array.length ? array
                : Arrays.copyOf(array, Math.min(maxBuckets, Math.max(256, array.length * 2)));
    }

    int used() {
        return used;
    }

    int eventsPerBucket() {
        return perBucket;
    }

    int capacity() {
        return firstSeconds.length;
    }

    int bucketOf(int index) {
        return index / perBucket;
    }

    long last(int k, int bucket) {
        return last[k][bucket];
    }

    long min(int k, int bucket) {
        return min == null ? last[k][bucket] : min[k][bucket];
    }

    long max(int k, int bucket) {
        return max == null ? last[k][bucket] : max[k][bucket];
    }

    double firstSeconds(int bucket) {
        return firstSeconds[bucket];
    }

    int markCount() {
        return markCount;
    }

    int mark(int i) {
        return marks[i];
    }

    /** The bytes these arrays hold now (capacity, not use). */
    long retainedBytes() {
        long perSlot = (long) capacity() * Long.BYTES * (min == null ? 1 : 3);
        return slots * perSlot + (long) capacity() * Double.BYTES + (long) marks.length * Integer.BYTES;
    }

    /** The most these arrays can ever hold: three longs per slot, a double and a mark per bucket. */
    static long bytesAtMost(int slots, int maxBuckets) {
        return (long) maxBuckets * (3L * slots * Long.BYTES + Double.BYTES + Integer.BYTES);
    }
}
