/**
 * Simulated kernels: a personality's rules over a virtual address space of their own, pure Java, so that
 * scenarios written for one system can be watched on another and compared side by side.
 * <p>
 * Every rule that differs between the personalities (Linux is the reference; "=" means as Linux):
 * <table>
 * <caption>Rules that differ</caption>
 * <tr><th>rule</th><th>Linux</th><th>AIX</th><th>NetBSD</th></tr>
 * <tr><td>{@code mmap MAP_FIXED} over a mapped range</td><td>replaces the pages</td>
 *     <td>fails, {@code EINVAL} (assumption: the seed names no errno)</td><td>=</td></tr>
 * <tr><td>Go {@code sysMap} (Reserved → Prepared)</td><td>{@code mmap MAP_FIXED} read-write</td>
 *     <td>{@code mprotect} read-write (seed 000)</td><td>=</td></tr>
 * <tr><td>{@code MAP_FIXED_NOREPLACE}</td><td>{@code EEXIST} if anything is mapped</td><td>{@code EINVAL}
 *     (no such flag)</td><td>{@code EINVAL} (no such flag)</td></tr>
 * <tr><td>{@code PROT_MPROTECT(p)} in {@code mmap}</td><td>{@code EINVAL} (unknown bits)</td><td>{@code EINVAL}</td>
 *     <td>sets the maximum protection; {@code EINVAL} if the plain bits exceed it</td></tr>
 * <tr><td>{@code mprotect} above the maximum</td><td>no maximum</td><td>no maximum</td>
 *     <td>{@code EACCES}, nothing changes (UVM checks the whole range first)</td></tr>
 * <tr><td>{@code mprotect} over a hole</td><td>applied up to the hole, {@code ENOMEM}</td><td>=</td>
 *     <td>{@code ENOMEM}, nothing changes (assumption, as the maximum check)</td></tr>
 * <tr><td>{@code mremap}</td><td>{@code MREMAP_MAYMOVE}, {@code _FIXED} (replaces), {@code _DONTUNMAP};
 *     {@code old_size 0} duplicates a shared mapping; moves only with {@code MAYMOVE}</td>
 *     <td>{@code ENOSYS} (no mremap)</td>
 *     <td>flags {@code MAP_FIXED} (fails with {@code ENOMEM} if the target is taken: assumption) and
 *     {@code MAP_REMAPDUP}; Linux flags {@code EINVAL}; may always move, {@code newp} is a hint;
 *     a missing source is {@code ENOENT}</td></tr>
 * <tr><td>duplicate of private memory</td><td>{@code EINVAL} ({@code old_size 0} needs a shared mapping)</td>
 *     <td>—</td><td>{@code MAP_REMAPDUP}: both views share pages (seed 003)</td></tr>
 * <tr><td>{@code fork()}</td><td>children copy mappings, shared ones stay coupled</td><td>=</td>
 *     <td>also breaks private {@code MAP_REMAPDUP} pairs (mremap(2) BUGS, PR 55177): {@link
 *     org.vmatlas.model.sim.SimulatedKernel#fork()} reports it</td></tr>
 * <tr><td>{@code memfd_create}</td><td>yes</td><td>{@code ENOSYS}</td><td>= (NetBSD 10)</td></tr>
 * <tr><td>{@code madvise} {@code FREE}, {@code HUGEPAGE}, {@code NOHUGEPAGE}</td><td>yes</td><td>{@code EINVAL}</td>
 *     <td>=</td></tr>
 * </table>
 * Shared by all (Linux's behaviour): {@code EINVAL} for an unaligned address or a zero {@code mmap}/{@code
 * munmap} length, {@code ENOMEM} for {@code mprotect}/{@code madvise} on an unmapped range; a range that does not
 * fit below the top of user space ({@code 0x7ffffffff000}, addresses compared unsigned as the kernel compares
 * them): {@code ENOMEM} for a fixed {@code mmap} (before the {@code vm.mmap_min_addr} {@code EPERM}), a hint
 * placed elsewhere, {@code EINVAL} for {@code munmap}, {@code ENOMEM} for {@code mprotect}, {@code madvise}
 * {@code EINVAL} when the end wraps else {@code ENOMEM}, {@code mremap} {@code EFAULT} for the old range and
 * {@code EINVAL} for a fixed target; top-down placement
 * below {@code 0x7f0000000000}, a free hint honoured, neighbours merged when their attributes and offsets
 * agree. Other assumptions: NetBSD without {@code PROT_MPROTECT} allows every protection (PaX MPROTECT not
 * enforced); nothing is ever resident ({@code mincore} answers all false).
 */
package org.vmatlas.model.sim;
