package org.vmatlas.syscall;

import java.util.List;

/**
 * A {@link Kernel} that is a real process's kernel, fenced by an ownership ledger so that vmatlas can
 * make real calls without ever touching the JVM's own memory (DESIGN, "The syscall backend").
 * <p>
 * <b>Arguments.</b> Every call's arguments are judged first, with Linux's own arithmetic: lengths are
 * unsigned ({@code size_t}), rounded up to pages ({@code PAGE_ALIGN}, which may wrap to 0) and bounded by
 * {@code TASK_SIZE}. What Linux rejects on those grounds (a zero or wrapping length where Linux refuses it,
 * an unaligned start, {@code MREMAP_FIXED} without {@code MREMAP_MAYMOVE}, overlapping {@code mremap}
 * ranges...) is answered here with Linux's errno ({@code EINVAL}; {@code ENOMEM} where Linux says so, as
 * for {@code mprotect} of a wrapping range), its detail ending "answered by the sandbox as Linux would,
 * without a kernel call". A call that reaches the kernel therefore has page-aligned addresses and
 * positive, non-wrapping lengths.
 * <p>
 * <b>Ownership.</b> The ledger is the arena reserved at start ({@code PROT_NONE}, {@code MAP_NORESERVE})
 * plus every range a call got back from the kernel. A call that could change a page outside the ledger
 * ({@code MAP_FIXED} target, {@code munmap}, {@code mprotect}, {@code madvise}, {@code mremap} source,
 * {@code MREMAP_FIXED} destination, the {@code [old, old + new_size)} source of a duplicate) is answered
 * with {@link SysResult#refused} and the kernel is not called. File descriptors follow the same rule: only
 * memfds this sandbox created may be mapped, truncated or closed.
 * <p>
 * <b>Failed calls.</b> Linux unmaps a {@code MAP_FIXED} or {@code MREMAP_FIXED} destination before some of
 * its failures. After a failed {@code munmap}, {@code MAP_FIXED} {@code mmap} or {@code MREMAP_FIXED}
 * {@code mremap} the sandbox asks {@code mincore} whether the owned ranges the call named lost a page and,
 * if so, reads {@code /proc/self/maps}: unmapped arena pages are reserved again with
 * {@code MAP_FIXED_NOREPLACE} (or become {@linkplain #lostRanges() lost}), unmapped pages outside the arena
 * leave the ledger, and the error's detail names them ({@link #changedAlthoughFailed}).
 * <p>
 * <b>Quota.</b> The sandbox owns at most {@link #outsideQuota()} bytes outside the arena (hinted mappings
 * the kernel placed elsewhere, {@code mremap} moves); a call that could go beyond is answered
 * {@code ENOMEM} without a kernel call. The system property {@value #OUTSIDE_QUOTA_PROPERTY} sets it in
 * bytes, with an optional {@code k}, {@code m}, {@code g} or {@code t} suffix; the default is 1 GiB.
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

    /** The calls {@link #vet} judges. */
    enum Op {
        MMAP, MUNMAP, MPROTECT, MADVISE, MREMAP;

        /** {@code "mprotect"}, as in messages. */
        public String callName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the sandbox would answer {@code op} itself right now (a refusal, an argument error, the quota),
     * or {@code null} when the call would go to the kernel; nothing is called and nothing changes. For a
     * preview. For {@link Op#MREMAP} {@code length} is the old size; arguments a call does not have are
     * ignored.
     */
    SysResult vet(Op op, long address, long length, int prot, int flags, int fd, long offset, long newSize,
            long newAddress);

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

    /** Ends the detail of every error the sandbox answered in the kernel's place. */
    String NO_KERNEL_CALL = "without a kernel call";

    /**
     * The sandbox answered {@code result} itself: a {@linkplain SysResult.Err#refused() refusal}, or an
     * error Linux would have given for the arguments or the quota. No page can have changed.
     */
    static boolean answeredItself(SysResult result) {
        return result instanceof SysResult.Err err
                && (err.refused() || err.detail() != null && err.detail().contains(NO_KERNEL_CALL));
    }

    /** In the detail of a failed call after which the kernel showed owned pages unmapped. */
    String CHANGED_ALTHOUGH_FAILED = "although the call failed";

    /**
     * The call failed, yet the kernel had unmapped pages the sandbox owned (Linux unmaps a fixed destination
     * before some errors); the ledger follows the kernel and the detail names the pages.
     */
    static boolean changedAlthoughFailed(SysResult result) {
        return result instanceof SysResult.Err err && err.detail() != null
                && err.detail().contains(CHANGED_ALTHOUGH_FAILED);
    }

    /** The system property that sets {@link #outsideQuota()}. */
    String OUTSIDE_QUOTA_PROPERTY = "vmatlas.sandbox.outsideQuota";

    /** The default {@link #outsideQuota()}: 1 GiB. */
    long DEFAULT_OUTSIDE_QUOTA = 1L << 30;

    /**
     * Bytes a sandbox may own outside its arena: {@value #OUTSIDE_QUOTA_PROPERTY} if set (e.g. {@code 256m}),
     * else {@link #DEFAULT_OUTSIDE_QUOTA}.
     *
     * @throws IllegalArgumentException when the property is not a non-negative size
     */
    static long outsideQuota() {
        String text = System.getProperty(OUTSIDE_QUOTA_PROPERTY);
        return text == null || text.isBlank() ? DEFAULT_OUTSIDE_QUOTA : Sizes.parse(OUTSIDE_QUOTA_PROPERTY, text);
    }

    /** A hinted {@code mmap} was honoured: it succeeded, at the address asked for. */
    static boolean honoured(long hint, SysResult result) {
        return result instanceof SysResult.Ok(long value) && value == hint;
    }
}
