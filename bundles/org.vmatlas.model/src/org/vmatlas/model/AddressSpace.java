package org.vmatlas.model;

import java.util.List;

import org.vmatlas.syscall.Mapping;

/**
 * An immutable snapshot of an address space: ordered, non-overlapping regions. Cheap to take and safe to
 * hand to any thread; views draw one and never see it change. Indexed access ({@link #start(int)} ...) lets
 * a table or a canvas walk tens of thousands of regions without building {@link Region} objects.
 */
public interface AddressSpace {

    int size();

    long start(int index);

    long end(int index);

    int prot(int index);

    Region region(int index);

    List<Region> regions();

    /** The region containing {@code address}, or {@code null} when the address is free. */
    Region regionAt(long address);

    /** Index of the region containing {@code address}, or {@code -1}. */
    int indexAt(long address);

    long mappedBytes();

    /** Bytes mapped with exactly this protection. */
    long bytes(int prot);

    long bytes(RegionState state);

    /** Groups of regions that map the same pages of one object (each group has two or more regions). */
    List<List<Region>> duplicateGroups();

    /**
     * Regions the kernel maps above the user address space, at addresses that are negative as signed
     * longs: x86-64's {@code [vsyscall]} page at {@code 0xffffffffff600000}. The ordered regions above cover
     * the user space only (the model's arithmetic is signed); these are kept beside them, in address order
     * (unsigned), for an observed process for as long as it is observed. Empty for every other session.
     */
    default List<Region> kernelRegions() {
        return List.of();
    }

    /** The kernel's view: neighbours that differ only in state or label merged, as {@code /proc/PID/maps}. */
    List<Mapping> kernelView();

    int kernelMapCount();

    /**
     * Compares the kernel's view with what a kernel reports (start, end, protection, shared), or returns
     * {@code null} when they agree; otherwise a message naming the first difference.
     */
    String differenceFrom(List<Mapping> kernelMappings);
}
