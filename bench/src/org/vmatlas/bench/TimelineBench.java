package org.vmatlas.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.vmatlas.model.Call;
import org.vmatlas.model.Timeline;
import org.vmatlas.model.TimelineStorage;
import org.vmatlas.model.internal.Attrs;
import org.vmatlas.model.internal.SessionImpl;
import org.vmatlas.model.internal.TimelineLog;
import org.vmatlas.model.sim.Personality;
import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;

/**
 * Long runs: EVENTS events through a session of the simulated Linux kernel, as a busy traced program
 * makes them, with the heap after GC every tenth of the way, then seeks at the start, middle and end. The
 * baseline is the same stream into a timeline that keeps every event in memory, up to BASELINE events
 * (it cannot hold EVENTS in the heap this benchmark is given).
 * <p>
 * Usage: {@code TimelineBench [EVENTS=10000000] [BASELINE=1000000] [SEEKS=15]}
 */
public final class TimelineBench {

    private static final long MIB = 1 << 20;
    private static final long PAGE = 4096;
    private static final long BASE = 0x7f0000000000L;

    private TimelineBench() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int baseline = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int seeks = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "# timeline soak: %,d events through a simulated Linux session (mmap, munmap, "
                + "mprotect, madvise over 4,096 slots), segments of %,d events, heap limit %d MiB, sealed segments kept in"
                + " memory up to %d MiB, then written out%n", events, TimelineLog.SEGMENT, max / MIB, budget() / MIB);

        long empty = heapAfterGc();
        SessionImpl kept = new SessionImpl("kept", Personality.LINUX.newKernel(), Personality.LINUX, 1 << 20, s -> { },
                new TimelineLog("kept", TimelineLog.SEGMENT, Long.MAX_VALUE));
        Stream stream = new Stream(1);
        long k0 = System.nanoTime();
        for (int i = 0; i < baseline; i++) {
            kept.apply(stream.next());
        }
        double keptRate = baseline / ((System.nanoTime() - k0) / 1e9);
        long keptHeap = heapAfterGc() - empty;
        java.lang.ref.Reference.reachabilityFence(kept);
        System.out.printf(Locale.ROOT, "baseline, every event in memory: %,d events at %,.0f events/s, heap after GC +%.1f MiB"
                + " = %.0f B/event; %,d events would need %.1f GiB%n", baseline, keptRate, keptHeap / (double) MIB,
                keptHeap / (double) baseline, events, keptHeap / (double) baseline * events / (1 << 30));
        kept = null;
        stream = null;

        empty = heapAfterGc();
        SessionImpl session = new SessionImpl("soak", Personality.LINUX.newKernel(), Personality.LINUX, 1 << 20, s -> { });
        Stream calls = new Stream(1);
        System.out.printf(Locale.ROOT, "%12s %16s %18s %14s %12s%n", "events", "heap after GC", "timeline in heap",
                "on disk", "events/s");
        long step = events / 10;
        long done = 0;
        long peak = 0;
        while (done < events) {
            long t0 = System.nanoTime();
            long until = Math.min(events, done + step);
            for (; done < until; done++) {
                session.apply(calls.next());
            }
            double rate = step / ((System.nanoTime() - t0) / 1e9);
            long heap = heapAfterGc() - empty;
            peak = Math.max(peak, heap);
            TimelineStorage storage = session.timeline().storage();
            System.out.printf(Locale.ROOT, "%,12d %12.1f MiB %14.1f MiB %10.1f MiB %,12.0f%n", done, heap / (double) MIB,
                    storage.heapBytes() / (double) MIB, storage.diskBytes() / (double) MIB, rate);
            if (storage.problem() != null) {
                System.out.println("SPILL PROBLEM: " + storage.problem());
            }
        }
        System.out.printf(Locale.ROOT, "largest heap after GC: %.1f MiB, flat, for %,d events (baseline %.0f B/event would"
                + " be %.0fx that); disk %.1f B/event%n", peak / (double) MIB, events,
                keptHeap / (double) baseline, keptHeap / (double) baseline * events / peak,
                session.timeline().storage().diskBytes() / (double) events);
        System.out.println("spill file (unlinked once open): " + session.timeline().storage().file());
        seeks(session.timeline(), seeks);
        fileMappingsAtNewAddresses(500_000);
    }

    /**
     * What stays outside the timeline's bound: region attributes are interned for the JVM's life, and a file's
     * offset relative to its address is one of them, so a file mapped at ever new addresses adds entries.
     */
    private static void fileMappingsAtNewAddresses(int mappings) {
        long before = heapAfterGc();
        int attrsBefore = Attrs.size();
        SessionImpl session = new SessionImpl("files", Personality.LINUX.newKernel(), Personality.LINUX, 1 << 20, s -> { });
        session.apply(new Call.MemfdCreate("file"));
        session.apply(new Call.Ftruncate(3, 1 << 20));
        Random random = new Random(1);
        for (int i = 0; i < mappings; i++) {
            long at = BASE + random.nextInt(1 << 20) * PAGE;
            session.apply(new Call.Mmap(at, PAGE, 1, MapFlags.SHARED | MapFlags.FIXED, 3, (i % 256) * PAGE, null));
            session.apply(new Call.Munmap(at, PAGE));
        }
        long heap = heapAfterGc() - before;
        int added = Attrs.size() - attrsBefore;
        long timeline = session.timeline().storage().heapBytes();
        System.out.printf(Locale.ROOT, "one file mapped %,d times at random addresses (and unmapped): %,d attribute entries"
                + " added, heap after GC +%.1f MiB of which the timeline %.1f MiB: %.0f B an entry%n", mappings, added,
                heap / (double) MIB, timeline / (double) MIB, (heap - timeline) / (double) Math.max(1, added));
        java.lang.ref.Reference.reachabilityFence(session);
    }

    /** Seeks near the start, the middle and the end, interleaved, each to a point not read just before. */
    private static void seeks(Timeline timeline, int seeks) {
        int size = timeline.size();
        String[] names = { "start", "middle", "end" };
        int[] centres = { 0, size / 2, size - 1 };
        double[][] spaceMs = new double[3][seeks];
        double[][] eventMs = new double[3][seeks];
        Random random = new Random(7);
        int regions = 0;
        for (int r = 0; r < seeks; r++) {
            for (int k = 0; k < 3; k++) {
                int at = Math.clamp(centres[k] + (long) random.nextInt(200_000) - (k == 0 ? 0 : k == 2 ? 200_000 : 100_000), 0, size - 1);
                long t0 = System.nanoTime();
                regions += timeline.spaceAfter(at).size();
                spaceMs[k][r] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                regions += timeline.event(Math.max(0, at - 5000)).added().size();
                eventMs[k][r] = (System.nanoTime() - t1) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "seeks in %,d events, %d interleaved rounds, each to a segment not read just "
                + "before (read back from disk, %d regions seen):%n", size, seeks, regions);
        for (int k = 0; k < 3; k++) {
            Arrays.sort(spaceMs[k]);
            Arrays.sort(eventMs[k]);
            System.out.printf(Locale.ROOT, "  %-7s spaceAfter median %7.2f ms, max %7.2f ms;  event(i) median %7.2f ms, "
                    + "max %7.2f ms%n", names[k], spaceMs[k][seeks / 2], spaceMs[k][seeks - 1], eventMs[k][seeks / 2],
                    eventMs[k][seeks - 1]);
        }
    }

    private static long budget() {
        String configured = System.getProperty(TimelineLog.BUDGET_PROPERTY);
        return configured != null ? Long.parseLong(configured) << 20 : Runtime.getRuntime().maxMemory() / 4;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A busy program's calls: maps and unmaps in 4,096 slots, with protection changes and advice between. */
    private static final class Stream {
        private final Random random;
        private final boolean[] mapped = new boolean[4096];

        Stream(long seed) {
            random = new Random(seed);
        }

        Call next() {
            int slot = random.nextInt(mapped.length);
            long at = BASE + slot * 64 * PAGE;
            long length = (1 + random.nextInt(16)) * PAGE;
            if (!mapped[slot]) {
                mapped[slot] = true;
                return new Call.Mmap(at, length, 3, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0,
                        random.nextInt(8) == 0 ? "arena" : null);
            }
            return switch (random.nextInt(4)) {
                case 0 -> {
                    mapped[slot] = false;
                    yield new Call.Munmap(at, 64 * PAGE);
                }
                case 1 -> new Call.Mprotect(at, length, random.nextBoolean() ? 1 : 3);
                case 2 -> new Call.Madvise(at, length, Advice.DONTNEED);
                default -> new Call.Mprotect(at + PAGE, PAGE, 0);
            };
        }
    }
}
