package org.vmatlas.render.chart;

import java.util.List;
import java.util.function.IntToLongFunction;

import org.vmatlas.model.AddressSpace;
import org.vmatlas.model.Backing;
import org.vmatlas.model.Event;
import org.vmatlas.model.Region;
import org.vmatlas.model.RegionDiff;
import org.vmatlas.model.RegionState;
import org.vmatlas.model.Timeline;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * A timeline of as many events as a test wants, made on demand: after event {@code i} one read-write
 * region of {@code sizes.applyAsLong(i)} bytes is mapped (none for 0), one event a millisecond; every
 * event whose number is a multiple of {@code failEvery} minus one fails.
 */
final class SyntheticTimeline implements Timeline {

    static final long BASE = 0x7f0000000000L;
    static final long START_NANOS = 1_780_000_000_000_000_000L;
    private final int size;
    private final IntToLongFunction sizes;
    private final int failEvery;

    SyntheticTimeline(int size, IntToLongFunction sizes, int failEvery) {
        this.size = size;
        this.sizes = sizes;
        this.failEvery = failEvery;
    }

    boolean fails(int index) {
        return index % failEvery == failEvery - 1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Event event(int index) {
        List<Region> removed = index == 0 ? List.of() : regions(sizes.applyAsLong(index - 1));
        List<Region> added = regions(sizes.applyAsLong(index));
        SysResult result = fails(index) ? SysResult.error(Errno.ENOMEM) : SysResult.ok(BASE);
        return new Event(index, START_NANOS + index * 1_000_000L, "synthetic", null, result, removed, added, List.of());
    }

    private static List<Region> regions(long bytes) {
        return bytes == 0 ? List.of()
                : List.of(new Region(BASE, BASE + bytes, Prot.RW, Prot.RWX, false, Backing.anonymous(), RegionState.READY,
                        true, null));
    }

    @Override
    public AddressSpace spaceAfter(int index) {
        throw new UnsupportedOperationException("the synthetic timeline only lists events");
    }

    @Override
    public RegionDiff changesBetween(int from, int to) {
        throw new UnsupportedOperationException("the synthetic timeline only lists events");
    }
}
