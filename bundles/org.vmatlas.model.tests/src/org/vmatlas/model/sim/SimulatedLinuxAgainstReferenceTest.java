package org.vmatlas.model.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;
import org.vmatlas.syscall.SysResult;
import org.vmatlas.syscall.contract.RecordingKernel;

/**
 * Property: after any series of the calls the contract makes (fixed, hinted and no-replace anonymous and
 * memfd maps, munmap, mprotect across holes, mremap in place, moved, fixed, without unmapping and as a
 * shared duplicate, madvise), the simulated Linux shows exactly the mappings an independent page model
 * shows. Calls land in a 32-page window so they overlap; the message names the seed and the calls.
 */
class SimulatedLinuxAgainstReferenceTest {

    private static final long BASE = 0x200000000L;
    private static final long PAGE = 4096;
    private static final int SEEDS = 40;
    private static final int CALLS = 400;

    @Test
    void theSimulationShowsWhatThePageModelShows() {
        for (int seed = 0; seed < SEEDS; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            List<String> calls = new ArrayList<>();
            try (RecordingKernel k = new RecordingKernel(Personality.LINUX.newKernel())) {
                int fd = (int) k.memfdCreate("jit").value();
                for (int i = 0; i < CALLS; i++) {
                    calls.add(call(k, r, fd));
                    int s = seed;
                    assertEquals(lines(k.reference().mappings()), lines(k.mappings()),
                            () -> "seed " + s + " after\n" + String.join("\n", calls));
                }
            }
        }
    }

    private static String call(RecordingKernel k, SplittableRandom r, int fd) {
        long at = BASE + r.nextInt(32) * PAGE;
        long length = (1 + r.nextInt(6)) * PAGE;
        int prot = r.nextInt(8);
        return switch (r.nextInt(9)) {
            case 0, 1 -> {
                int[] kinds = {MapFlags.PRIVATE | MapFlags.ANONYMOUS, MapFlags.SHARED | MapFlags.ANONYMOUS,
                    MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.NORESERVE, MapFlags.SHARED, MapFlags.PRIVATE};
                int[] placing = {MapFlags.FIXED, MapFlags.FIXED, MapFlags.FIXED_NOREPLACE, 0};
                int flags = kinds[r.nextInt(kinds.length)] | placing[r.nextInt(placing.length)];
                boolean file = (flags & MapFlags.ANONYMOUS) == 0;
                long offset = file ? r.nextInt(4) * PAGE : 0;
                yield said("mmap", at, length, Prot.letters(prot) + " " + MapFlags.describe(flags) + " +" + offset,
                        k.mmap(at, length, prot, flags, file ? fd : -1, offset));
            }
            case 2 -> said("munmap", at, length, "", k.munmap(at, length));
            case 3, 4 -> said("mprotect", at, length, Prot.letters(prot), k.mprotect(at, length, prot));
            case 5, 6 -> {
                List<Mapping> mapped = k.reference().mappings().stream()
                        .filter(m -> m.start() >= BASE && m.end() <= BASE + 32 * PAGE).toList();
                if (!mapped.isEmpty() && r.nextBoolean()) {
                    // most mremap calls need a source inside one mapping to succeed
                    Mapping source = mapped.get(r.nextInt(mapped.size()));
                    at = source.start();
                    length = Math.min(length, source.length());
                }
                int[] kinds = {0, RemapFlags.MAYMOVE, RemapFlags.MAYMOVE | RemapFlags.FIXED,
                    RemapFlags.MAYMOVE | RemapFlags.FIXED | RemapFlags.DONTUNMAP};
                int flags = kinds[r.nextInt(kinds.length)];
                long oldSize = r.nextInt(5) == 0 ? 0 : length;
                long newSize = (flags & RemapFlags.DONTUNMAP) != 0 ? length : (1 + r.nextInt(6)) * PAGE;
                long to = BASE + r.nextInt(32) * PAGE;
                yield said("mremap", at, oldSize, newSize / PAGE + " pages " + RemapFlags.describe(flags) + " to "
                        + (to - BASE) / PAGE, k.mremap(at, oldSize, newSize, flags, to));
            }
            case 7 -> {
                Advice advice = Advice.values()[r.nextInt(Advice.values().length)];
                yield said("madvise", at, length, advice.cName(), k.madvise(at, length, advice));
            }
            default -> said("munmap", BASE, 32 * PAGE, "", k.munmap(BASE, 32 * PAGE));
        };
    }

    private static String said(String name, long at, long length, String rest, SysResult result) {
        return name + " " + (at - BASE) / PAGE + "+" + length / PAGE + " " + rest + " = " + result.describe();
    }

    private static List<String> lines(List<Mapping> mappings) {
        List<String> out = new ArrayList<>();
        for (Mapping m : mappings) {
            out.add(Long.toHexString(m.start()) + "-" + Long.toHexString(m.end()) + " " + Prot.letters(m.prot())
                    + (m.shared() ? 's' : 'p'));
        }
        return out;
    }
}
