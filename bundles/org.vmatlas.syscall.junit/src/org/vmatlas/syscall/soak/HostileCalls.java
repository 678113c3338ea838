package org.vmatlas.syscall.soak;

import java.util.List;
import java.util.SplittableRandom;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.Sandbox;
import org.vmatlas.syscall.SysResult;

/**
 * One seeded stream of hostile calls on a sandbox: addresses half from the JVM's targeted mappings, half
 * from the arena (aligned or not), lengths from a few pages to negative, zero, one byte, {@code Long.MIN_VALUE},
 * {@code Long.MAX_VALUE} and lengths that end just past the top of the address space; random flags,
 * protections (no page is ever executed) and advice. The same seed makes the same calls.
 */
final class HostileCalls {
    private static final Advice[] ADVICE = Advice.values();

    private final SplittableRandom random;
    private final Sandbox sandbox;
    private final List<Mapping> targets;
    private final long page;
    private final int memfd;

    HostileCalls(long seed, Sandbox sandbox, List<Mapping> targets, int memfd) {
        this.random = new SplittableRandom(seed);
        this.sandbox = sandbox;
        this.targets = targets;
        this.page = sandbox.pageSize();
        this.memfd = memfd;
    }

    /** Makes the next call; answers what the sandbox said. */
    SysResult next() {
        long a = address();
        long n = length(a);
        return switch (random.nextInt(16)) {
            case 0, 1, 2 -> sandbox.mmap(random.nextInt(4) == 0 ? 0 : a, n, prot(), mapFlags(), fd(), offset());
            case 3, 4 -> sandbox.munmap(a, n);
            case 5, 6, 7 -> sandbox.mprotect(a, n, prot());
            case 8, 9 -> sandbox.madvise(a, n, ADVICE[random.nextInt(ADVICE.length)]);
            case 10 -> sandbox.mincore(a, n, null);
            default -> sandbox.mremap(a, random.nextInt(4) == 0 ? 0 : n, length(a), remapFlags(), address());
        };
    }

    private long address() {
        long base;
        if (random.nextBoolean()) {
            Mapping t = targets.get(random.nextInt(targets.size()));
            base = t.start() + random.nextLong((t.end() - t.start()) / page) * page;
        } else {
            long pages = (sandbox.arenaEnd() - sandbox.arenaStart()) / page;
            base = sandbox.arenaStart() + random.nextLong(pages) * page;
        }
        return switch (random.nextInt(32)) {
            case 0 -> base + 1 + random.nextLong(page - 1);
            case 1 -> 0;
            case 2 -> random.nextLong();
            case 3 -> -page;
            default -> base;
        };
    }

    private long length(long address) {
        return switch (random.nextInt(24)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> -1;
            case 3 -> -page;
            case 4 -> Long.MIN_VALUE;
            case 5 -> Long.MAX_VALUE;
            case 6 -> -address;                         // ends at 2^64: wraps to 0
            case 7 -> -address - page + 1;              // page-rounds to exactly the wrap
            case 8 -> (1L << 47) - address + page;      // just past TASK_SIZE
            case 9 -> 1L << (30 + random.nextInt(17)); // 1 GiB to 64 TiB
            case 10 -> random.nextLong();
            case 11 -> page * (1 + random.nextLong(4096)) + random.nextLong(page);
            default -> page * (1 + random.nextLong(16));
        };
    }

    private int prot() {
        return random.nextInt(32) == 0 ? 8 | random.nextInt(8) : random.nextInt(8);
    }

    private int mapFlags() {
        int flags = random.nextInt(8) == 0 ? MapFlags.SHARED : MapFlags.PRIVATE;
        if (random.nextInt(8) == 0) {
            flags |= MapFlags.SHARED | MapFlags.PRIVATE;
        }
        flags |= random.nextInt(4) == 0 ? 0 : MapFlags.ANONYMOUS;
        flags |= random.nextInt(3) == 0 ? MapFlags.FIXED : 0;
        flags |= random.nextInt(6) == 0 ? MapFlags.FIXED_NOREPLACE : 0;
        flags |= random.nextInt(3) == 0 ? MapFlags.NORESERVE : 0;
        flags |= random.nextInt(24) == 0 ? MapFlags.POPULATE : 0;
        return random.nextInt(64) == 0 ? flags | 1 << 12 : flags;
    }

    private int fd() {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextInt(64);
            case 1 -> -1;
            default -> memfd;
        };
    }

    private long offset() {
        return switch (random.nextInt(8)) {
            case 0 -> random.nextLong();
            case 1 -> 1 + random.nextLong(page - 1);
            default -> random.nextLong(256) * page;
        };
    }

    private int remapFlags() {
        int bits = random.nextInt(16);
        return random.nextInt(4) == 0 ? bits & 7 : bits & (RemapFlags.MAYMOVE | RemapFlags.FIXED);
    }
}
