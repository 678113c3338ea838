package org.vmatlas.syscall;

import java.util.List;

/**
 * A {@link Kernel} that is a real process's kernel, fenced by an ownership ledger so that vmatlas can
 * make real calls without ever touching the JVM's own memory (DESIGN, "The syscall backend").
 * <p>
 * The ledger is the arena reserved at start ({@code PROT_NONE}, {@code MAP_NORESERVE}) plus every range a
 * call got back from the kernel. A call that would change a page outside the ledger ({@code MAP_FIXED}
 * target, {@code munmap}, {@code mprotect}, {@code madvise}, {@code mremap} source, {@code MREMAP_FIXED}
 * destination) is answered with {@link SysResult#refused} and the kernel is not called. File descriptors
 * follow the same rule: only memfds this sandbox created may be mapped, truncated or closed. Calls that
 * Linux rejects with {@code EINVAL} before looking at any page (zero length, a start not page aligned)
 * go to the kernel unchecked, so that its own answer is reported.
 * <p>
 * Arena pages nobody has mapped are held as an inaccessible reservation and count as unmapped:
 * {@link #mappings()} leaves them out; {@code mprotect}, {@code madvise} and {@code mincore} on them answer
 * {@code ENOMEM} and an {@code mremap} source there {@code EFAULT}, as for unmapped pages, without a call;
 * {@code munmap} of arena pages turns them back into reservation in one atomic {@code MAP_FIXED} call.
 * <p>
 * <b>Hints.</b> A hinted {@code mmap} (no {@code MAP_FIXED}) or {@code MAP_FIXED_NOREPLACE} into free arena
 * pages, and an {@code mremap} growing in place into them, first hand those pages back to the kernel, then
 * call. Another thread of the process may take them in between: the kernel then answers elsewhere (an
 * {@link SysResult.Ok} whose address differs from the hint, see {@link #honoured}) or fails, and the pages
 * it took leave the ledger ({@link #lostRanges()}, seed 001's "address space conflict"). Nothing is ever
 * clobbered. Pages left free after the call are reserved again.
 */
public interface Sandbox extends Kernel {

    /** First address of the arena reserved at start. */
    long arenaStart();

    /** One past the last address of the arena. */
    long arenaEnd();

    /** Every page of {@code [address, address + length)} is in the ledger; false for an empty range. */
    boolean owns(long address, long length);

    /** The whole ledger (arena, reserved or mapped, and user ranges outside it), ordered by address. */
    List<AddressRange> ownedRanges();

    /** Arena pages held as free reservation, ordered by address. */
    List<AddressRange> reservedRanges();

    /** Arena pages something else of the process took while they were handed back (conflicts). */
    List<AddressRange> lostRanges();

    /** The memfd descriptors this sandbox created and has not closed. */
    List<Integer> memfds();

    /** A hinted {@code mmap} was honoured: it succeeded, at the address asked for. */
    static boolean honoured(long hint, SysResult result) {
        return result instanceof SysResult.Ok(long value) && value == hint;
    }
}
