package org.vmatlas.syscall.internal;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * The sandbox over any {@link RawCalls}: every call is checked against the {@link Ledger} and accounted
 * in it under one lock, so a check and its call are one step for other threads of vmatlas. Calls whose
 * arguments Linux rejects with {@code EINVAL} before looking at any page (zero or negative length, a start
 * that is not page aligned) pass through unchecked so that the kernel itself answers them. See
 * {@link Sandbox} for the rules.
 */
public final class SandboxKernel implements Sandbox {
    static final int RESERVE = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE;
    private static final long[] NONE = new long[0];

    private final ReentrantLock lock = new ReentrantLock();
    private final RawCalls raw;
    private final Ledger ledger;
    private final String name;
    private final long page;
    private final Reservations reservations;
    private boolean closed;

    /** Takes over an arena {@code [arenaStart, arenaEnd)} already reserved through {@code raw}. */
    public SandboxKernel(RawCalls raw, long arenaStart, long arenaEnd, String name) {
        this.page = raw.pageSize();
        if (arenaStart <= 0 || arenaEnd <= arenaStart || (arenaStart | arenaEnd) % page != 0) {
            throw new IllegalArgumentException("arena [0x" + Long.toHexString(arenaStart) + ", 0x"
                    + Long.toHexString(arenaEnd) + ") is not a page-aligned range");
        }
        this.raw = raw;
        this.ledger = new Ledger(arenaStart, arenaEnd);
        this.name = name;
        this.reservations = new Reservations(raw, ledger);
    }

    /** One past the page-rounded end of {@code [address, address + length)}, or -1 if it wraps. */
    private long end(long address, long length) {
        long end = address + length;
        if (end < address || end > Long.MAX_VALUE - page) {
            return -1;
        }
        return (end + page - 1) & -page;
    }

    private boolean aligned(long address) {
        return (address & (page - 1)) == 0;
    }

    private static SysResult wraps(String call, long address, long length) {
        return SysResult.refused(call + " range 0x" + Long.toHexString(address) + " + " + length + " wraps around");
    }

    private SysResult notMapped(String call, Errno errno, long start, long end) {
        return SysResult.error(errno, call + ": " + Ledger.hex(start, end)
                + " is not mapped (free sandbox arena, held in reserve)");
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            if ((flags & MapFlags.ANONYMOUS) == 0 && !ledger.hasFd(fd)) {
                return SysResult.refused("mmap of fd " + fd + ": not a memfd this sandbox created");
            }
            long end = length > 0 ? end(address, length) : 0;
            long start = address & -page;
            if ((flags & MapFlags.FIXED) != 0 && length > 0 && aligned(address)) {
                if (end < 0) {
                    return wraps("mmap", address, length);
                }
                String why = ledger.unowned("mmap MAP_FIXED", start, end);
                if (why != null) {
                    return SysResult.refused(why);
                }
                return acquire(raw.mmap(address, length, prot, flags, fd, offset), length, NONE);
            }
            long[] handed = NONE;
            if (address != 0 && length > 0 && end > 0 && aligned(address)) {
                if ((flags & MapFlags.FIXED_NOREPLACE) != 0) {
                    handed = ledger.touchesMapped(start, end) ? NONE : ledger.freeWithin(start, end);
                } else if (ledger.allFree(start, end)) {
                    handed = new long[] { start, end };
                }
                handed = reservations.handBack(handed);
            }
            return acquire(raw.mmap(address, length, prot, flags, fd, offset), length, handed);
        } finally {
            lock.unlock();
        }
    }

    /** Accounts a successful placement and reserves again what was handed back and not used. */
    private SysResult acquire(SysResult result, long length, long[] handed) {
        long start = 0;
        long end = 0;
        if (result instanceof SysResult.Ok(long value)) {
            start = value;
            end = (value + length + page - 1) & -page;
            ledger.acquired(start, end);
        }
        reservations.reserveAgain(handed, start, end);
        return result;
    }

    @Override
    public SysResult munmap(long address, long length) {
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            if (length <= 0 || !aligned(address)) {
                return raw.munmap(address, length);
            }
            long end = end(address, length);
            if (end < 0) {
                return wraps("munmap", address, length);
            }
            String why = ledger.unowned("munmap", address & -page, end);
            if (why != null) {
                return SysResult.refused(why);
            }
            if (address >= ledger.arenaStart && end <= ledger.arenaEnd) {
                return reservations.replace(address, end);
            }
            SysResult result = raw.munmap(address, length);
            if (result.isOk()) {
                long[] arenaPart = ledger.released(address, end);
                reservations.reserveAgain(arenaPart, 0, 0);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        lock.lock();
        try {
            SysResult no = checkMapped("mprotect", address, length, true);
            return no != null ? no : raw.mprotect(address, length, prot);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        lock.lock();
        try {
            SysResult no = checkMapped("madvise", address, length, true);
            return no != null ? no : raw.madvise(address, length, advice);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        lock.lock();
        try {
            SysResult no = checkMapped("mincore", address, length, false);
            return no != null ? no : raw.mincore(address, length, residentOut);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code null} when the call may go to the kernel; else the refusal, or {@code ENOMEM} for free arena
     * pages. {@code mincore} only reads, so it needs no ownership.
     */
    private SysResult checkMapped(String call, long address, long length, boolean changes) {
        if (closed) {
            return closedResult();
        }
        if (length <= 0 || !aligned(address)) {
            return null;
        }
        long end = end(address, length);
        if (end < 0) {
            return changes ? wraps(call, address, length) : null;
        }
        long start = address & -page;
        if (changes) {
            String why = ledger.unowned(call, start, end);
            if (why != null) {
                return SysResult.refused(why);
            }
        }
        if (ledger.touchesFree(start, end)) {
            return notMapped(call, Errno.ENOMEM, start, end);
        }
        return null;
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            return new Remap(raw, ledger, reservations, page).run(oldAddress, oldSize, newSize, flags, newAddress);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult memfdCreate(String memfdName) {
        if (memfdName == null) {
            throw new IllegalArgumentException("memfd_create needs a name");
        }
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            SysResult result = raw.memfdCreate(memfdName);
            if (result instanceof SysResult.Ok(long fd)) {
                ledger.addFd((int) fd);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult ftruncate(int fd, long length) {
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            return ledger.hasFd(fd) ? raw.ftruncate(fd, length) : notMine("ftruncate", fd);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult close(int fd) {
        lock.lock();
        try {
            if (closed) {
                return closedResult();
            }
            if (!ledger.hasFd(fd)) {
                return notMine("close", fd);
            }
            ledger.removeFd(fd); // Linux releases the descriptor even when close reports an error
            return raw.close(fd);
        } finally {
            lock.unlock();
        }
    }

    private static SysResult notMine(String call, int fd) {
        return SysResult.refused(call + " of fd " + fd + ": not a memfd this sandbox created");
    }

    private static SysResult closedResult() {
        return SysResult.refused("the sandbox is closed");
    }

    @Override
    public List<Mapping> mappings() {
        lock.lock();
        try {
            return closed ? List.of() : ProcMaps.clip(raw.processMappings(), ledger.userArray());
        } finally {
            lock.unlock();
        }
    }

    /** Unmaps the arena and every mapping the sandbox still owns, closes its memfds. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            long[] owned = ledger.ownedArray();
            for (int i = 0; i < owned.length; i += 2) {
                raw.munmap(owned[i], owned[i + 1] - owned[i]);
            }
            for (int fd : ledger.fds()) {
                raw.close(fd);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long pageSize() {
        return page;
    }

    @Override
    public long arenaStart() {
        return ledger.arenaStart;
    }

    @Override
    public long arenaEnd() {
        return ledger.arenaEnd;
    }

    @Override
    public boolean owns(long address, long length) {
        long end = length > 0 ? end(address, length) : -1;
        lock.lock();
        try {
            return end > 0 && ledger.owns(address & -page, end);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<AddressRange> ownedRanges() {
        return locked(ledger::ownedRanges);
    }

    @Override
    public List<AddressRange> reservedRanges() {
        return locked(ledger::freeRanges);
    }

    @Override
    public List<AddressRange> lostRanges() {
        return locked(ledger::lostRanges);
    }

    @Override
    public List<Integer> memfds() {
        return locked(ledger::fds);
    }

    private <T> T locked(java.util.function.Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return name + " sandbox, arena " + Ledger.hex(ledger.arenaStart, ledger.arenaEnd);
    }
}
