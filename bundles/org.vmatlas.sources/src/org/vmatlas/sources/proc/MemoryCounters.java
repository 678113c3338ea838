package org.vmatlas.sources.proc;

/**
 * The memory figures {@code smaps} and {@code smaps_rollup} report, in bytes (the kernel prints kB).
 * {@code pss} is the proportional share: a page shared by three processes counts a third.
 */
public record MemoryCounters(long size, long rss, long pss, long sharedClean, long sharedDirty, long privateClean,
        long privateDirty, long swap, long anonHugePages) {

    public static final MemoryCounters ZERO = new MemoryCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public MemoryCounters {
        if (size < 0 || rss < 0 || pss < 0 || sharedClean < 0 || sharedDirty < 0 || privateClean < 0
                || privateDirty < 0 || swap < 0 || anonHugePages < 0) {
            throw new IllegalArgumentException("memory counters cannot be negative: size " + size + ", rss " + rss
                    + ", pss " + pss + ", swap " + swap);
        }
    }

    /** The sum of two sets of counters (totals over a selection). */
    public MemoryCounters plus(MemoryCounters o) {
        return new MemoryCounters(size + o.size, rss + o.rss, pss + o.pss, sharedClean + o.sharedClean,
                sharedDirty + o.sharedDirty, privateClean + o.privateClean, privateDirty + o.privateDirty,
                swap + o.swap, anonHugePages + o.anonHugePages);
    }

    /** Dirty pages, private and shared. */
    public long dirty() {
        return sharedDirty + privateDirty;
    }
}
