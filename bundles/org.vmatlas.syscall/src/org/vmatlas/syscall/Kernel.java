package org.vmatlas.syscall;

import java.util.List;

/**
 * The memory calls of an operating system kernel, each answering a {@link SysResult} whose value and
 * error travel apart (seed 001). Implementations: the native Linux kernel reached through the FFM API
 * inside a sandbox, and simulated personalities (Linux, AIX, NetBSD) over a virtual address space of
 * their own. Arguments use the OS-neutral bits of {@link Prot}, {@link MapFlags}, {@link RemapFlags}.
 * <p>
 * No method throws for an errno. Implementations are safe for use from several threads.
 */
public interface Kernel extends AutoCloseable {

    /** A short name for menus and logs: {@code "Linux (native)"}, {@code "AIX (simulated)"}. */
    String name();

    long pageSize();

    /** {@code mmap(addr, length, prot, flags, fd, offset)}: the address of the new mapping. */
    SysResult mmap(long address, long length, int prot, int flags, int fd, long offset);

    SysResult munmap(long address, long length);

    SysResult mprotect(long address, long length, int prot);

    /**
     * {@code mremap(old, oldSize, newSize, flags, newAddress)}: the mapping's address afterwards. With
     * {@code oldSize == 0} on a shared mapping, Linux makes a duplicate of its pages (needs
     * {@link RemapFlags#MAYMOVE}); NetBSD does it with {@link RemapFlags#REMAPDUP}.
     */
    SysResult mremap(long oldAddress, long oldSize, long newSize, int flags, long newAddress);

    SysResult madvise(long address, long length, Advice advice);

    /**
     * {@code mincore}: one flag per page, {@code true} where the page is resident. The result's value is
     * the number of resident pages.
     */
    SysResult mincore(long address, long length, boolean[] residentOut);

    /** {@code memfd_create(name, MFD_CLOEXEC)}: a file descriptor for an anonymous file. */
    SysResult memfdCreate(String name);

    SysResult ftruncate(int fd, long length);

    SysResult close(int fd);

    /**
     * The mappings this kernel holds that vmatlas may show: for the native kernel the sandbox's
     * own mappings as {@code /proc/self/maps} reports them (the arena's free reservation excluded);
     * for a simulated kernel its whole state. Ordered by address, never overlapping.
     */
    List<Mapping> mappings();

    /** Releases everything the kernel holds (the sandbox arena, simulated state). */
    @Override
    void close();
}
