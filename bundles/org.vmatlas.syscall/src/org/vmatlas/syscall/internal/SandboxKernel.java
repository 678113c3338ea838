package org.vmatlas.syscall.internal;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.vmatlas.syscall.AddressRange;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * The sandbox over any {@link RawCalls}: every call is checked against the {@link Ledger} and accounted
 * in it under one lock, so a check and its call are one step for other threads of vmatlas. Arguments are
 * judged first with Linux's arithmetic ({@link CallChecks}, {@link RemapShape}); a call that reaches the
 * kernel has page-aligned addresses, positive non-wrapping lengths, and every page it could change owned.
 * A failed call that could have changed pages is followed by a {@link Resync}. See {@link Sandbox} for the
 * rules.
 */
public final class SandboxKernel implements Sandbox {
    static final int RESERVE = MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE;
    /** The flags of an arena reservation, for callers that reserve one themselves. */
    public static final int RESERVE_FLAGS = RESERVE;

    private final ReentrantLock lock = new ReentrantLock();
    private final RawCalls raw;
    private final Ledger ledger;
    private final String name;
    private final long page;
    private final Reservations reservations;
    private final CallChecks checks;
    private final Placement placement;
    private final Remap remap;
    private final Resync resync;
    private boolean closed;

    /** Takes over an arena {@code [arenaStart, arenaEnd)} already reserved through {@code raw}, default quota. */
    public SandboxKernel(RawCalls raw, long arenaStart, long arenaEnd, String name) {
        this(raw, arenaStart, arenaEnd, name, Sandbox.outsideQuota());
    }

    /**
     * Takes over an arena {@code [arenaStart, arenaEnd)} already reserved through {@code raw}; the sandbox
     * will own at most {@code outsideQuota} bytes outside it.
     */
    public SandboxKernel(RawCalls raw, long arenaStart, long arenaEnd, String name, long outsideQuota) {
        this.page = raw.pageSize();
        if (arenaStart <= 0 || arenaEnd <= arenaStart || (arenaStart | arenaEnd) % page != 0) {
            throw new IllegalArgumentException("arena [0x" + Long.toHexString(arenaStart) + ", 0x"
                    + Long.toHexString(arenaEnd) + ") is not a page-aligned range");
        }
        if (outsideQuota < 0) {
            throw new IllegalArgumentException("the outside quota must not be negative, was " + outsideQuota);
        }
        this.raw = raw;
        this.ledger = new Ledger(arenaStart, arenaEnd);
        this.name = name;
        this.reservations = new Reservations(raw, ledger);
        this.checks = new CallChecks(ledger, page, taskSize(page));
        this.placement = new Placement(raw, ledger, reservations, checks, page, outsideQuota);
        this.remap = new Remap(raw, ledger, reservations, checks, outsideQuota);
        this.resync = new Resync(raw, ledger, reservations);
    }

    /**
     * Linux's {@code TASK_SIZE}: x86_64 with four-level page tables keeps the top page below 2^47 out of
     * user space, aarch64 (48-bit) gives all of 2^48. Five-level tables reach higher only for callers that
     * ask; the sandbox never owns pages there, so the smaller bound only answers earlier.
     */
    static long taskSize(long page) {
        return System.getProperty("os.arch", "").equals("aarch64") ? 1L << 48 : (1L << 47) - page;
    }

    @Override
    public SysResult mmap(long address, long length, int prot, int flags, int fd, long offset) {
        lock.lock();
        try {
            return closed ? CallChecks.closed() : placement.mmap(address, length, prot, flags, fd, offset);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult munmap(long address, long length) {
        lock.lock();
        try {
            if (closed) {
                return CallChecks.closed();
            }
            SysResult no = munmapChecks(address, length);
            if (no != null) {
                return no;
            }
            long end = address + checks.align(length);
            if (address >= ledger.arenaStart && end <= ledger.arenaEnd) {
                SysResult result = reservations.replace(address, end);
                return result.isOk() ? result : resync.after(result, address, end);
            }
            SysResult result = raw.munmap(address, length);
            if (!result.isOk()) {
                return resync.after(result, address, end);
            }
            reservations.reserveAgain(ledger.released(address, end), 0, 0);
            return result;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult vet(Op op, long address, long length, int prot, int flags, int fd, long offset,
            long newSize, long newAddress) {
        lock.lock();
        try {
            if (closed) {
                return CallChecks.closed();
            }
            return switch (op) {
                case MMAP -> placement.mmap(address, length, prot, flags, fd, offset, true);
                case MUNMAP -> munmapChecks(address, length);
                case MPROTECT, MADVISE -> checks.mapped(op.callName(), address, length, true);
                case MREMAP -> remap.run(address, length, newSize, flags, newAddress, true);
            };
        } finally {
            lock.unlock();
        }
    }

    /** What the sandbox answers a munmap itself (arguments, ownership), or {@code null} for the kernel. */
    private SysResult munmapChecks(long address, long length) {
        SysResult no = checks.munmap(address, length);
        if (no != null) {
            return no;
        }
        String why = ledger.unowned("munmap", address, address + checks.align(length));
        return why != null ? SysResult.refused(why) : null;
    }

    @Override
    public SysResult mprotect(long address, long length, int prot) {
        lock.lock();
        try {
            SysResult no = closed ? CallChecks.closed() : checks.mapped("mprotect", address, length, true);
            return no != null ? no : raw.mprotect(address, length, prot);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult madvise(long address, long length, Advice advice) {
        lock.lock();
        try {
            SysResult no = closed ? CallChecks.closed() : checks.mapped("madvise", address, length, true);
            return no != null ? no : raw.madvise(address, length, advice);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult mincore(long address, long length, boolean[] residentOut) {
        lock.lock();
        try {
            SysResult no = closed ? CallChecks.closed() : checks.mapped("mincore", address, length, false);
            return no != null ? no : raw.mincore(address, length, residentOut);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress) {
        lock.lock();
        try {
            if (closed) {
                return CallChecks.closed();
            }
            return remap.run(oldAddress, oldSize, newSize, flags, newAddress);
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
                return CallChecks.closed();
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
                return CallChecks.closed();
            }
            return ledger.hasFd(fd) ? raw.ftruncate(fd, length) : CallChecks.notMine("ftruncate", fd);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SysResult close(int fd) {
        lock.lock();
        try {
            if (closed) {
                return CallChecks.closed();
            }
            if (!ledger.hasFd(fd)) {
                return CallChecks.notMine("close", fd);
            }
            ledger.removeFd(fd); // Linux releases the descriptor even when close reports an error
            return raw.close(fd);
        } finally {
            lock.unlock();
        }
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
        long start = address & -page;
        long rounded = checks.align(length + (address - start));
        if (length <= 0 || rounded <= 0 || !checks.fits(start, rounded)) {
            return false; // an empty, wrapping or out-of-space range is nobody's
        }
        lock.lock();
        try {
            // a closed sandbox gave everything back: it owns nothing any more
            return !closed && ledger.owns(start, start + rounded);
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
