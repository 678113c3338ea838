package org.vmatlas.sources.strace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vmatlas.model.Call;
import org.vmatlas.model.Session;
import org.vmatlas.sources.ParseProblem;
import org.vmatlas.sources.ProgressMonitor;
import org.vmatlas.syscall.Errno;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Replays a parsed strace log into a session (one opened with
 * {@code RegionModelService.openReplaySession(name, personality)}): each call goes to
 * {@link Session#record} with the answer the traced kernel gave, so a mapping lands exactly where
 * it landed in the traced process and the personality's rules decide what it replaced.
 * <p>
 * {@code brk} has no call of its own in the model: the heap is an anonymous read-write mapping
 * that grows and shrinks at the break, so growth is recorded as a fixed {@code mmap} of the new pages
 * labelled {@code [heap]} and shrinking as a {@code munmap}. Lengths are passed as traced; the rules
 * round them to pages as the kernel does. The Go runtime's heap calls are recorded as the transitions they
 * stand for ({@code sysMap}, {@code sysUsed}, {@code sysUnused}; see {@code GoHeapCalls}).
 */
public final class StraceReplay {

    /** Label of the pages {@code brk} adds, as {@code /proc/PID/maps} names them. */
    public static final String HEAP = "[heap]";

    /** How the label of guard pages a thread makes at the bottom of its own stack begins ("... 27907's stack"). */
    public static final String STACK_GUARD = "guard pages of thread ";

    private static final int REPORT_EVERY = 4096;
    private static final int MAX_PROBLEMS = 1000;

    private final Session session;
    private final Set<Integer> pids;
    private final String source;
    private final long pageSize;
    private final Map<Integer, Long> breaks = new HashMap<>();
    private final List<ParseProblem> problems = new ArrayList<>();

    /**
     * @param session the session to record into
     * @param pids    the processes to replay (empty: all; threads of one process share its address space,
     *                other processes would mix two address spaces: {@link ProcessSpaces} gives each its own)
     * @param source  the events' source name, e.g. {@code "strace:app.log"}
     */
    public StraceReplay(Session session, Set<Integer> pids, String source) {
        if (session == null) {
            throw new IllegalArgumentException("a replay of " + source + " needs a session");
        }
        this.session = session;
        this.pids = Set.copyOf(pids);
        this.source = source;
        this.pageSize = session.kernel() != null ? session.kernel().pageSize() : 4096;
    }

    /** Replays {@code calls} in order; progress in calls; stops at the next call once cancelled. */
    public ReplayReport replay(List<TracedCall> calls, ProgressMonitor monitor) {
        monitor.begin("Replaying " + source, calls.size());
        int recorded = 0;
        int failed = 0;
        int skipped = 0;
        boolean canceled = false;
        problems.clear();
        for (int i = 0; i < calls.size(); i++) {
            if ((i & (REPORT_EVERY - 1)) == 0) {
                monitor.worked(i);
                if (monitor.isCanceled()) {
                    canceled = true;
                    break;
                }
            }
            TracedCall c = calls.get(i);
            if (!c.syscall().changesMappings()) {
                continue;
            }
            if (!pids.isEmpty() && !pids.contains(c.pid())) {
                skipped++;
                continue;
            }
            switch (record(c)) {
                case RECORDED -> recorded++;
                case FAILED -> {
                    recorded++;
                    failed++;
                }
                case SKIPPED -> skipped++;
                case IGNORED -> { }
            }
        }
        monitor.done();
        return new ReplayReport(recorded, failed, skipped, canceled, problems);
    }

    /** What became of one call given to {@link #record(TracedCall)}. */
    public enum Outcome {
        /** Recorded with the traced kernel's successful answer. */
        RECORDED,
        /** Recorded with the error the traced kernel answered. */
        FAILED,
        /** Passed over: advice vmatlas does not model, a call that never returned, an impossible answer. */
        SKIPPED,
        /** Not a call that changes mappings (an {@code openat}, a signal, a process call). */
        IGNORED
    }

    /** Records one call of any process into this replay's session, as it comes (a live trace). */
    public Outcome record(TracedCall c) {
        if (!c.syscall().changesMappings()) {
            return Outcome.IGNORED;
        }
        long time = ProcessSpaces.timeOf(c);
        List<Call> go = GoHeapCalls.transitions(c, session.space());
        if (!go.isEmpty()) {
            for (Call transition : go) {
                session.record(transition, SysResult.ok(transition instanceof Call.SysMap ? c.result() : 0), time,
                        source + ":" + c.line());
            }
            return Outcome.RECORDED;
        }
        Replayed r = c.syscall() == Syscall.BRK ? brk(c) : toCall(c);
        if (r == null || c.unknownResult()) {
            return Outcome.SKIPPED;
        }
        String outside = outside(r);
        if (outside != null) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ParseProblem(source, Math.max(1, c.line()), r.call().describe() + " = "
                        + r.result().describe(), outside));
            }
            return Outcome.SKIPPED;
        }
        session.record(r.call(), r.result(), time, source + ":" + c.line());
        return r.result().isOk() ? Outcome.RECORDED : Outcome.FAILED;
    }

    /** Calls whose recorded answer no kernel gives, met since the last {@link #replay}. */
    public List<ParseProblem> problems() {
        return List.copyOf(problems);
    }

    /** The program break {@code pid} last had, or {@code -1} when it has not been read. */
    long breakOf(int pid) {
        Long at = breaks.get(pid);
        return at == null ? -1 : at;
    }

    /** A child starts with its parent's break (fork copies the heap with the rest). */
    void inheritBreak(int pid, long at) {
        if (at >= 0) {
            breaks.put(pid, at);
        }
    }

    /**
     * Why a successful answer cannot have happened: the range it names wraps past the top of the 64-bit space or
     * lies in its upper half, where no user mapping is; {@code null} when it can.
     */
    private static String outside(Replayed r) {
        if (!r.result().isOk()) {
            return null;
        }
        long value = r.result().value();
        return switch (r.call()) {
            case Call.Mmap m -> outside(value, m.length());
            case Call.Mremap m -> outside(value, m.newSize());
            case Call.Munmap u -> outside(u.address(), u.length());
            case Call.Mprotect p -> outside(p.address(), p.length());
            default -> null;
        };
    }

    private static String outside(long start, long length) {
        long end = start + ((length + 4095) & -4096L);
        if (start >= 0 && length >= 0 && end >= start && end >= 0) {
            return null;
        }
        return "the answer names 0x" + Long.toHexString(start) + " + " + length + " bytes, beyond the top of the"
                + " user address space: no kernel answers that";
    }

    private record Replayed(Call call, SysResult result) {
    }

    private static Replayed toCall(TracedCall c) {
        Call call = switch (c.syscall()) {
            case MMAP, MMAP2 -> new Call.Mmap(c.address(), c.length(), c.prot(), c.flags(), c.fd(), c.offset(), c.path());
            case MUNMAP -> new Call.Munmap(c.address(), c.length());
            case MPROTECT, PKEY_MPROTECT -> new Call.Mprotect(c.address(), c.length(), c.prot());
            case MREMAP -> new Call.Mremap(c.address(), c.length(), c.newLength(), c.flags(), c.newAddress());
            case MADVISE -> c.advice() == null ? null : new Call.Madvise(c.address(), c.length(), c.advice());
            default -> null;
        };
        return call == null ? null
                : new Replayed(call, c.errno() != null ? SysResult.error(c.errno()) : SysResult.ok(c.result()));
    }

    /**
     * {@code brk(NULL)} reads the break; {@code brk(x) = y} moved it to {@code y} (the old break when
     * it failed). The heap's pages are those below the break rounded up to a page.
     */
    private Replayed brk(TracedCall c) {
        Long old = breaks.put(c.pid(), c.result());
        if (old == null || c.address() == 0) {
            return null;
        }
        long from = pageUp(old);
        long to = pageUp(c.result());
        if (to > from) {
            return new Replayed(heap(from, to - from), SysResult.ok(from));
        }
        if (to < from) {
            return new Replayed(new Call.Munmap(to, from - to), SysResult.ok(0));
        }
        long wanted = pageUp(c.address());
        if (c.result() != c.address() && wanted > from) {
            // the break did not move: the kernel refused to grow the heap
            return new Replayed(heap(from, wanted - from), SysResult.error(Errno.ENOMEM, "brk could not grow the heap"));
        }
        return null;
    }

    private static Call heap(long address, long length) {
        return new Call.Mmap(address, length, Prot.RW, MapFlags.PRIVATE | MapFlags.ANONYMOUS | MapFlags.FIXED, -1, 0, HEAP);
    }

    private long pageUp(long address) {
        return (address + pageSize - 1) & -pageSize;
    }
}
