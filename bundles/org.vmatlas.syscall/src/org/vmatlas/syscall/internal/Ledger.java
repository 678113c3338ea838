package org.vmatlas.syscall.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.vmatlas.syscall.AddressRange;

/**
 * The sandbox's accounting, OS-neutral: which pages it owns, which of the arena's pages it holds as
 * free reservation, which it lost, which memfds it created. Page states, in the words of Go's
 * {@code mem.go}: an arena page is Reserved (free, {@code PROT_NONE}) or mapped by a caller; a page outside
 * the arena is owned only while a caller's mapping holds it. Callers hold the sandbox's lock.
 */
final class Ledger {
    private static final long[] NONE = new long[0];
    final long arenaStart;
    final long arenaEnd;
    private final RangeSet owned = new RangeSet();
    private final RangeSet free = new RangeSet();
    private final RangeSet lost = new RangeSet();
    private final TreeSet<Integer> fds = new TreeSet<>();

    Ledger(long arenaStart, long arenaEnd) {
        this.arenaStart = arenaStart;
        this.arenaEnd = arenaEnd;
        owned.add(arenaStart, arenaEnd);
        free.add(arenaStart, arenaEnd);
    }

    boolean owns(long start, long end) {
        return owned.covers(start, end);
    }

    /** {@code null} if every page of {@code [start, end)} is owned, else why the call is refused. */
    String unowned(String call, long start, long end) {
        if (owned.covers(start, end)) {
            return null;
        }
        long gap = owned.firstGap(start, end);
        return call + " of " + hex(start, end) + " would change pages the sandbox does not own (from 0x"
                + Long.toHexString(gap) + ")";
    }

    boolean touchesFree(long start, long end) {
        return free.intersects(start, end);
    }

    boolean allFree(long start, long end) {
        return free.covers(start, end);
    }

    /** Some page of {@code [start, end)} is owned and mapped by a caller. */
    boolean touchesMapped(long start, long end) {
        long[] mine = owned.within(start, end);
        for (int i = 0; i < mine.length; i += 2) {
            if (!free.covers(mine[i], mine[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** The owned parts of {@code [start, end)}, flattened pairs. */
    long[] ownedWithin(long start, long end) {
        return owned.within(start, end);
    }

    /** Bytes owned outside the arena: hinted mappings the kernel placed elsewhere, mappings moved out. */
    long outsideBytes() {
        return owned.bytes() - (arenaEnd - arenaStart - lost.bytes());
    }

    long[] freeWithin(long start, long end) {
        return free.within(start, end);
    }

    /** A call got {@code [start, end)} from the kernel. */
    void acquired(long start, long end) {
        owned.add(start, end);
        free.remove(start, end);
        lost.remove(start, end); // lost pages mapped again by a call are the sandbox's once more
    }

    /** The kernel took {@code [start, end)} away; answers the arena part, to be reserved again. */
    long[] released(long start, long end) {
        owned.remove(start, end);
        long s = Math.max(start, arenaStart);
        long e = Math.min(end, arenaEnd);
        if (s >= e) {
            return NONE;
        }
        owned.add(s, e);
        free.add(s, e);
        return new long[] { s, e };
    }

    /** Arena pages are reservation again (an atomic {@code MAP_FIXED} placeholder made them so). */
    void reserved(long start, long end) {
        free.add(start, end);
    }

    /** Handed-back arena pages that something else took: they leave the ledger. */
    void lost(long start, long end) {
        owned.remove(start, end);
        free.remove(start, end);
        lost.add(start, end);
    }

    void addFd(int fd) {
        fds.add(fd);
    }

    boolean hasFd(int fd) {
        return fds.contains(fd);
    }

    void removeFd(int fd) {
        fds.remove(fd);
    }

    List<Integer> fds() {
        return List.copyOf(fds);
    }

    long[] ownedArray() {
        return owned.toArray();
    }

    long[] userArray() {
        return owned.minus(free);
    }

    static List<AddressRange> ranges(long[] flat) {
        List<AddressRange> out = new ArrayList<>(flat.length / 2);
        for (int i = 0; i < flat.length; i += 2) {
            out.add(new AddressRange(flat[i], flat[i + 1]));
        }
        return out;
    }

    List<AddressRange> ownedRanges() {
        return ranges(owned.toArray());
    }

    List<AddressRange> freeRanges() {
        return ranges(free.toArray());
    }

    List<AddressRange> lostRanges() {
        return ranges(lost.toArray());
    }

    static String hex(long start, long end) {
        return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
    }
}
