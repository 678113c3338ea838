package org.vmatlas.model.internal;

import java.util.ArrayList;
import java.util.List;

import org.vmatlas.model.Backing;
import org.vmatlas.model.Call;
import org.vmatlas.model.Conflict;
import org.vmatlas.model.ConflictKind;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.SysResult;

/**
 * Finds the conflicts one call raises. {@link #before} looks at the pages the call is about to change
 * (a fixed mapping over live pages, a mapping over a mapped range); {@link #after} judges the answer and
 * the pages it left (failures, ignored hints, W+X pages, W^X duplicates, the map count).
 */
final class ConflictDetector {

    private final int mapCountLimit;
    private boolean nearLimit;

    ConflictDetector(int mapCountLimit) {
        this.mapCountLimit = mapCountLimit;
    }

    int limit() {
        return mapCountLimit;
    }

    void before(VmaCore core, ObjectTable objects, Call raw, List<Conflict> out, boolean aix) {
        before(core, objects, raw, out, new ArrayList<>(), aix);
    }

    /** As above; a call that only looks like a conflict (a pattern {@link KnownPatterns} names) goes to {@code notes}. */
    void before(VmaCore core, ObjectTable objects, Call raw, List<Conflict> out, List<String> notes, boolean aix) {
        if (raw instanceof Call.Mmap m && (m.flags() & MapFlags.FIXED) != 0 && m.length() > 0) {
            long hi = end(m.address(), m.length());
            long live = replacedLiveBytes(core, objects, m, hi);
            String known = !aix && live > 0 ? KnownPatterns.fixedMapping(core, m, hi) : null;
            if (known != null) {
                notes.add(known);
            } else if (!aix && live > 0) {
                out.add(new Conflict(ConflictKind.FIXED_REPLACED_LIVE, m.address(), hi, "MAP_FIXED at "
                        + hex(m.address()) + " replaces " + live / RuleSet.PAGE + " live page"
                        + (live == RuleSet.PAGE ? "" : "s") + " (accessible pages lose their contents)"));
            }
            if (aix && !core.isFree(m.address(), hi)) {
                out.add(new Conflict(ConflictKind.MAP_OVER_MAPPED, m.address(), hi, "AIX refuses to mmap over the "
                        + "mapped range at " + hex(m.address()) + "; use mprotect (seed 000)"));
            }
        }
        if (raw instanceof Call.Mprotect p && p.length() > 0) {
            long hi = end(p.address(), p.length());
            int[] above = {0};
            core.forEach(p.address(), hi, (s, e, id) -> above[0] |= p.prot() & ~Attrs.get(id).maxProt());
            if (above[0] != 0) {
                out.add(new Conflict(ConflictKind.ABOVE_MAX_PROT, p.address(), hi, "mprotect(" + Prot.letters(p.prot())
                        + ") asks for " + Prot.letters(above[0]) + " above the maximum protection (PROT_MPROTECT)"));
            }
        }
    }

    /**
     * The conflict a failed or refused call raises, derived from the call and its answer whenever an event
     * is read (the timeline does not store it: a tenth of a large timeline's memory went to these messages).
     */
    static Conflict failure(Call call, SysResult result) {
        if (!(result instanceof SysResult.Err err)) {
            return null;
        }
        return new Conflict(err.refused() ? ConflictKind.REFUSED : ConflictKind.CALL_FAILED, 0, 0,
                call.describe() + (err.refused() ? " refused by the sandbox: " + err.detail()
                        : " failed: " + err.errno().name() + " (" + (err.detail() != null ? err.detail()
                                : err.errno().message()) + ")"));
    }

    /** Conflicts of a successful answer; a failure's own conflict comes from {@link #failure}. */
    /**
     * Accessible bytes a fixed mapping would replace. Pages of the very object being mapped are left out:
     * a loader reserving a library's span and then mapping its segments over it (ld.so), or a JIT
     * remapping its own memfd, replaces nothing anyone else holds.
     */
    private static long replacedLiveBytes(VmaCore core, ObjectTable objects, Call.Mmap m, long hi) {
        if ((m.flags() & MapFlags.ANONYMOUS) != 0 || m.fd() < 0 || objects == null) {
            return core.mappedBytes(m.address(), hi, true);
        }
        ObjectTable.MemObject mapped = objects.objectOf(m.fd(), m.label());
        long[] live = {0};
        core.forEach(m.address(), hi, (s, e, id) -> {
            Attr attr = Attrs.get(id);
            if (attr.prot() != Prot.NONE && attr.inode() != mapped.inode()) {
                live[0] += e - s;
            }
        });
        return live[0];
    }

    void after(VmaCore core, Call call, Call raw, SysResult result, List<Conflict> out) {
        if (!result.isOk()) {
            return;
        }
        long[] range = changedRange(raw != null ? raw : call, result);
        if (raw instanceof Call.Mmap m && (m.flags() & (MapFlags.FIXED | MapFlags.FIXED_NOREPLACE)) == 0
                && m.address() != 0 && result.value() != m.address()) {
            out.add(new Conflict(ConflictKind.HINT_IGNORED, result.value(), end(result.value(), m.length()),
                    "address space conflict: map(" + hex(m.address()) + ") = " + hex(result.value())));
        }
        if (range != null) {
            scanWritableExecutable(core, range[0], range[1], out);
        }
        checkMapCount(core, out);
    }

    void scanWritableExecutable(VmaCore core, long lo, long hi, List<Conflict> out) {
        List<long[]> objects = new ArrayList<>();
        core.forEach(lo, hi, (s, e, id) -> {
            Attr a = Attrs.get(id);
            if ((a.prot() & Prot.WRITE) != 0 && (a.prot() & Prot.EXEC) != 0) {
                out.add(new Conflict(ConflictKind.WRITE_AND_EXEC, s, e, (e - s) / RuleSet.PAGE
                        + " page(s) at " + hex(s) + " are writable and executable"));
            }
            if (a.inode() != 0 && (sharedWritable(a) || (a.prot() & Prot.EXEC) != 0)) {
                objects.add(new long[] {s, e, id});
            }
        });
        for (long[] view : objects) {
            findWxPartner(core, view, out);
        }
    }

    /**
     * Only a writable view that shares its pages reaches the other views: a shared mapping, or anonymous
     * memory duplicated in place (NetBSD's MAP_REMAPDUP keeps one set of pages for both). A private view of
     * a file copies a page on its first write, so a loader's private RW and RX segments of one library are
     * no W^X pair.
     */
    private static boolean sharedWritable(Attr a) {
        return (a.shared() || a.kind() == Backing.Kind.ANONYMOUS) && (a.prot() & Prot.WRITE) != 0;
    }

    /** A view of an object that is writable where another view of the same pages is executable, or the reverse. */
    private static void findWxPartner(VmaCore core, long[] view, List<Conflict> out) {
        Attr mine = Attrs.get((int) view[2]);
        long myOffset = view[0] + mine.delta();
        long myLength = view[1] - view[0];
        boolean iWrite = sharedWritable(mine);
        int want = iWrite ? Prot.EXEC : Prot.WRITE;
        core.forEach(0, Long.MAX_VALUE, (s, e, id) -> {
            Attr other = Attrs.get(id);
            long offset = s + other.delta();
            if (s != view[0] && other.inode() == mine.inode() && other.device() == mine.device()
                    && (other.prot() & want) != 0 && (iWrite || sharedWritable(other)) && offset < myOffset + myLength && myOffset < offset + (e - s)
                    && out.stream().noneMatch(c -> c.kind() == ConflictKind.WX_DUPLICATE && c.start() == Math.min(s,
                            view[0]))) {
                long w = iWrite ? view[0] : s;
                long x = w == s ? view[0] : s;
                out.add(new Conflict(ConflictKind.WX_DUPLICATE, Math.min(s, view[0]), Math.max(e, view[1]),
                        "W^X pair: " + hex(w) + " is writable and " + hex(x) + " executable views of the same pages"));
            }
        });
    }

    private void checkMapCount(VmaCore core, List<Conflict> out) {
        int threshold = (int) (mapCountLimit * 0.9);
        if (core.size() < threshold) {
            nearLimit = false;
            return;
        }
        int count = core.kernelCount();
        boolean near = count >= threshold;
        if (near && !nearLimit) {
            out.add(new Conflict(ConflictKind.MAP_COUNT_NEAR_LIMIT, 0, 0, count + " mappings, "
                    + (100L * count / mapCountLimit) + "% of vm.max_map_count " + mapCountLimit
                    + "; beyond it mmap and mprotect splits fail with ENOMEM"));
        }
        nearLimit = near;
    }

    /** Where the call left pages whose protection may matter, or {@code null}. */
    private static long[] changedRange(Call call, SysResult result) {
        return switch (call) {
            case Call.Mmap m -> new long[] {result.value(), end(result.value(), m.length())};
            case Call.Mprotect p -> new long[] {p.address(), end(p.address(), p.length())};
            case Call.Mremap r -> new long[] {result.value(), end(result.value(), r.newSize())};
            default -> null;
        };
    }

    /**
     * End of {@code length} bytes from {@code start}, rounded up to pages; held at {@link Long#MAX_VALUE} where
     * it would wrap, so that a range a caller asked for beyond the top of the space still reads as a range.
     */
    static long end(long start, long length) {
        long pages = pages(length);
        long hi = start + pages;
        return pages < 0 || pages > 0 && hi < start ? Long.MAX_VALUE : hi;
    }

    static long pages(long length) {
        return (Math.max(0, length) + RuleSet.PAGE - 1) & -RuleSet.PAGE;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
