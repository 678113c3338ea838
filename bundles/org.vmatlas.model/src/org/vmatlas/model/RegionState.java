package org.vmatlas.model;

/**
 * The Go runtime's view of a range of address space (golang/go {@code src/runtime/mem.go}), carried by a
 * region as an annotation: the kernel knows only mappings and protections, never these states.
 * <ul>
 * <li><b>None</b> is no region at all: the range is unmapped (there is no constant for it).</li>
 * <li>{@link #RESERVED}: the range is owned but may not be touched; on Linux a {@code PROT_NONE} anonymous
 * mapping. It exists so that a heap can claim a large contiguous range early and commit it piece by piece.</li>
 * <li>{@link #PREPARED}: the range may be made usable cheaply, but its contents are not kept and it is not
 * counted as in use; on Linux a read-write mapping after {@code MADV_DONTNEED}, on AIX reached by
 * {@code mprotect} because AIX refuses to {@code mmap} over a mapped range (seed 000).</li>
 * <li>{@link #READY}: the range is in use and may be read and written.</li>
 * <li>{@link #UNKNOWN}: the state could not be inferred (a file mapping seen in {@code /proc}).</li>
 * </ul>
 * Transitions: {@code sysReserve} None→Reserved, {@code sysMap} Reserved→Prepared, {@code sysUsed}
 * Prepared→Ready, {@code sysUnused} Ready→Prepared, {@code sysFault} any→Reserved, {@code sysFree} any→None.
 */
public enum RegionState {
    RESERVED, PREPARED, READY, UNKNOWN
}
