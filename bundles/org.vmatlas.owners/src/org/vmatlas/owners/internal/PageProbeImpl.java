package org.vmatlas.owners.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Component;
import org.vmatlas.model.KernelKind;
import org.vmatlas.model.Session;
import org.vmatlas.owners.PageProbe;
import org.vmatlas.owners.PageStates;
import org.vmatlas.syscall.Kernel;
import org.vmatlas.syscall.SysResult;

/**
 * Page states from {@code /proc/PID/pagemap}: one 64-bit entry per page, bit 63 present, 62 swapped, 61 a file
 * page or shared anonymous, 56 mapped by this process alone, bits 0-54 the page frame number (zero unless we
 * hold {@code CAP_SYS_ADMIN}). With a frame number, {@code /proc/kpageflags} tells a transparent huge page
 * ({@code KPF_THP}, bit 22) or a hugetlb page ({@code KPF_HUGE}, bit 17). The sandbox's pages come from
 * {@code mincore}, which knows presence only.
 */
@Component(service = PageProbe.class)
public final class PageProbeImpl implements PageProbe {

    static final long PAGE = 4096;
    /** 4 GiB of pages at most per request: a map asks for what it shows, never for a whole reservation. */
    static final long MAX_PAGES = 1L << 20;

    private final Path procRoot;

    public PageProbeImpl() {
        this(Path.of("/proc"));
    }

    PageProbeImpl(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public PageStates pages(Session session, long start, long end) {
        long first = start & -PAGE;
        if (Long.compareUnsigned(end, start) <= 0) {
            return PageStates.unknown(first, PAGE, "the range 0x" + Long.toHexString(start) + "-0x"
                    + Long.toHexString(end) + " is empty");
        }
        long pages = Long.divideUnsigned(end - first + PAGE - 1, PAGE);
        if (pages > MAX_PAGES) {
            return PageStates.unknown(first, PAGE, pages + " pages are more than the " + MAX_PAGES + " one request reads");
        }
        OptionalLong pid = RegionClassifierImpl.pidOf(session);
        if (pid.isPresent()) {
            return pagemap(pid.getAsLong(), first, (int) pages);
        }
        if (session.kernelKind() == KernelKind.NATIVE_SANDBOX && session.kernel() != null) {
            return mincore(session.kernel(), first, (int) pages);
        }
        return PageStates.unknown(first, PAGE, "a " + (session.kernelKind() == KernelKind.SIMULATED ? "simulated"
                : "replayed") + " session has no pages in memory");
    }

    PageStates pagemap(long pid, long first, int pages) {
        byte[] flags = new byte[pages];
        try (FileChannel map = FileChannel.open(procRoot.resolve(pid + "/pagemap"), StandardOpenOption.READ)) {
            ByteBuffer entries = ByteBuffer.allocate(pages * 8).order(ByteOrder.LITTLE_ENDIAN);
            long at = Long.divideUnsigned(first, PAGE) * 8;
            while (entries.hasRemaining() && map.read(entries, at + entries.position()) > 0) {
                // the kernel fills what it can per read
            }
            entries.flip();
            FileChannel kpageflags = kpageflags();
            try {
                for (int i = 0; i < pages && entries.remaining() >= 8; i++) {
                    flags[i] = flags(entries.getLong(), kpageflags);
                }
            } finally {
                if (kpageflags != null) {
                    kpageflags.close();
                }
            }
            return new PageStates(first, PAGE, flags, null);
        } catch (NoSuchFileException e) {
            return PageStates.unknown(first, PAGE, "process " + pid + " has exited");
        } catch (AccessDeniedException e) {
            return PageStates.unknown(first, PAGE, "the kernel withholds the pagemap of process " + pid + " from us");
        } catch (IOException e) {
            return PageStates.unknown(first, PAGE, "cannot read the pagemap of process " + pid + ": " + e.getMessage());
        }
    }

    private FileChannel kpageflags() {
        try {
            return FileChannel.open(procRoot.resolve("kpageflags"), StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte flags(long entry, FileChannel kpageflags) throws IOException {
        int f = 0;
        if (entry < 0) {
            f |= PageStates.PRESENT;
        }
        if ((entry & (1L << 62)) != 0) {
            f |= PageStates.SWAPPED;
        }
        if ((entry & (1L << 61)) != 0) {
            f |= PageStates.FILE;
        }
        if ((entry & (1L << 56)) != 0) {
            f |= PageStates.EXCLUSIVE;
        }
        long pfn = entry & ((1L << 55) - 1);
        if (entry < 0 && pfn != 0 && kpageflags != null) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (kpageflags.read(b, pfn * 8) == 8 && (b.getLong(0) & ((1L << 22) | (1L << 17))) != 0) {
                f |= PageStates.HUGE;
            }
        }
        return (byte) f;
    }

    private static PageStates mincore(Kernel kernel, long first, int pages) {
        boolean[] resident = new boolean[pages];
        SysResult r = kernel.mincore(first, (long) pages * PAGE, resident);
        if (r instanceof SysResult.Err err) {
            return PageStates.unknown(first, PAGE, "mincore: " + err.errno() + (err.detail() != null ? " (" + err.detail() + ")" : ""));
        }
        byte[] flags = new byte[pages];
        for (int i = 0; i < pages; i++) {
            flags[i] = resident[i] ? PageStates.PRESENT : 0;
        }
        return new PageStates(first, PAGE, flags, null);
    }
}
