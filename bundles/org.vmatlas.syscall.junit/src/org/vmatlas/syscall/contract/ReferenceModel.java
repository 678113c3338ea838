package org.vmatlas.syscall.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.MapFlags;
import org.vmatlas.syscall.Mapping;
import org.vmatlas.syscall.Prot;
import org.vmatlas.syscall.RemapFlags;

/**
 * What Linux holds after a series of memory calls, kept page by page so that each rule is a loop over pages
 * and only {@link #mappings()} decides where one VMA ends. It is the truth a simulated kernel is checked
 * against: it shares no code with the simulation, and it never decides whether a call succeeds; a
 * {@link RecordingKernel} feeds it the calls its kernel answered, with the addresses the kernel chose.
 * Not thread-safe; sized for test windows (one map entry per page).
 */
public final class ReferenceModel {

    private final long pageSize;
    private final TreeMap<Long, ReferencePage> pages = new TreeMap<>();
    private final Map<Integer, Long> descriptors = new HashMap<>();
    private final Map<Long, String> paths = new HashMap<>();
    private long lastObject = ReferencePage.PRIVATE_ANONYMOUS;

    public ReferenceModel(long pageSize) {
        this.pageSize = pageSize;
    }

    /** {@code memfd_create(name)} answered {@code fd}: a new, empty object. */
    public void memfdCreated(int fd, String name) {
        descriptors.put(fd, newObject("/memfd:" + name + " (deleted)"));
    }

    /** {@code close(fd)} succeeded; mappings of the object stay. */
    public void closed(int fd) {
        descriptors.remove(fd);
    }

    /** {@code mmap} placed {@code length} bytes at {@code at}, replacing whatever was mapped there. */
    public void mapped(long at, long length, int prot, int flags, int fd, long offset) {
        boolean shared = (flags & MapFlags.SHARED) != 0;
        boolean noReserve = (flags & MapFlags.NORESERVE) != 0;
        int plain = prot & Prot.RWX;
        long object;
        long first = 0;
        if ((flags & MapFlags.ANONYMOUS) != 0) {
            object = shared ? newObject("/dev/zero (deleted)") : ReferencePage.PRIVATE_ANONYMOUS;
        } else {
            Long open = descriptors.get(fd);
            if (open == null) {
                throw new IllegalStateException("the kernel mapped fd " + fd + ", which it never created");
            }
            object = open;
            first = offset / pageSize;
        }
        boolean accounted = !shared && (plain & Prot.WRITE) != 0 && !noReserve;
        fill(page(at), pagesOf(length), new ReferencePage(plain, shared, object, first, noReserve, accounted, 0));
    }

    /** {@code munmap} succeeded: nothing stays mapped in the range. */
    public void unmapped(long at, long length) {
        range(page(at), pagesOf(length)).clear();
    }

    /** {@code mprotect} changes page after page and stops at the first unmapped one (then it answers ENOMEM). */
    public void reprotected(long at, long length, int prot) {
        long first = page(at);
        for (long i = 0; i < pagesOf(length) && pages.containsKey(first + i); i++) {
            pages.put(first + i, pages.get(first + i).reprotected(prot & Prot.RWX));
        }
    }

    /** {@code madvise} reaches every mapped page of the range, holes or not. */
    public void advised(long at, long length, Advice advice) {
        range(page(at), pagesOf(length)).replaceAll((page, state) -> state.advised(advice));
    }

    /**
     * {@code mremap} answered {@code at}. Without a move the range shrinks or grows in place; a move
     * ({@code at} elsewhere, or {@code MREMAP_FIXED}, or {@code MREMAP_DONTUNMAP}) carries the pages, replaces
     * what was at {@code at} and, unless {@code MREMAP_DONTUNMAP}, unmaps the old range. Growth continues the
     * last page's object. An {@code oldSize} of 0 maps the same shared object again from the same offset.
     */
    public void remapped(long old, long oldSize, long newSize, int flags, long at) {
        long from = page(old);
        long to = page(at);
        long oldCount = pagesOf(oldSize);
        long newCount = pagesOf(newSize);
        if (oldCount == 0) {
            fill(to, newCount, mappedAt(from));
            return;
        }
        ReferencePage beyond = mappedAt(from + oldCount - 1).following();
        boolean moved = at != old || (flags & (RemapFlags.FIXED | RemapFlags.DONTUNMAP)) != 0;
        if (!moved) {
            range(from + newCount, oldCount - newCount).clear();
            fill(from + oldCount, newCount - oldCount, beyond);
            return;
        }
        List<ReferencePage> carried = new ArrayList<>(range(from, Math.min(oldCount, newCount)).values());
        if ((flags & RemapFlags.DONTUNMAP) == 0) {
            range(from, oldCount).clear();
        }
        range(to, newCount).clear();
        for (int i = 0; i < carried.size(); i++) {
            pages.put(to + i, carried.get(i));
        }
        fill(to + oldCount, newCount - oldCount, beyond);
    }

    /** The pages as {@code /proc/self/maps} lines: each run of pages that continue each other is one mapping. */
    public List<Mapping> mappings() {
        List<Mapping> out = new ArrayList<>();
        long start = -1;
        long next = -1;
        ReferencePage first = null;
        ReferencePage last = null;
        for (Map.Entry<Long, ReferencePage> entry : pages.entrySet()) {
            if (last == null || entry.getKey() != next || !entry.getValue().continues(last)) {
                if (last != null) {
                    out.add(mapping(start, next, first));
                }
                start = entry.getKey();
                first = entry.getValue();
            }
            last = entry.getValue();
            next = entry.getKey() + 1;
        }
        if (last != null) {
            out.add(mapping(start, next, first));
        }
        return out;
    }

    private Mapping mapping(long fromPage, long toPage, ReferencePage first) {
        return new Mapping(fromPage * pageSize, toPage * pageSize, first.prot(), Prot.RWX, first.shared(),
                first.offset() * pageSize, 0, first.object(), paths.getOrDefault(first.object(), ""));
    }

    /** A page a successful call says is mapped; the reference disagreeing is itself a finding. */
    private ReferencePage mappedAt(long page) {
        ReferencePage state = pages.get(page);
        if (state == null) {
            throw new IllegalStateException("the kernel remapped page 0x" + Long.toHexString(page * pageSize)
                    + ", which the reference holds unmapped");
        }
        return state;
    }

    private long newObject(String path) {
        paths.put(++lastObject, path);
        return lastObject;
    }

    /** Maps {@code count} pages from {@code first}, each continuing the one below, starting with {@code page}. */
    private void fill(long first, long count, ReferencePage page) {
        range(first, count).clear();
        ReferencePage current = page;
        for (long i = 0; i < count; i++) {
            pages.put(first + i, current);
            current = current.following();
        }
    }

    private NavigableMap<Long, ReferencePage> range(long first, long count) {
        long end = count <= 0 ? first : count > Long.MAX_VALUE - first ? Long.MAX_VALUE : first + count;
        return pages.subMap(first, true, end, false);
    }

    private long page(long address) {
        return Long.divideUnsigned(address, pageSize);
    }

    /** The pages a length covers once the kernel rounds it up, without overflowing. */
    private long pagesOf(long length) {
        return length <= 0 ? 0 : length / pageSize + (length % pageSize == 0 ? 0 : 1);
    }
}
