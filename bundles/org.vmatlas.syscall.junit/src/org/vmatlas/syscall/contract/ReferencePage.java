package org.vmatlas.syscall.contract;

import org.vmatlas.syscall.Advice;
import org.vmatlas.syscall.Prot;

/**
 * One mapped page of a {@link ReferenceModel}: everything Linux compares before it lets two neighbouring
 * pages share a VMA ({@code is_mergeable_vma()} and the offset check of {@code vma_merge()}).
 *
 * @param prot      protection ({@link Prot} bits)
 * @param shared    {@code MAP_SHARED}
 * @param object    the backing object; {@link #PRIVATE_ANONYMOUS} for private anonymous memory, else one
 *                  number per shared anonymous mapping or memfd
 * @param offset    page offset into {@code object}; 0 for private anonymous memory
 * @param noReserve {@code VM_NORESERVE}
 * @param accounted {@code VM_ACCOUNT}
 * @param advice    the {@code madvise} flags Linux keeps on the VMA ({@link #RANDOM} and friends)
 */
record ReferencePage(int prot, boolean shared, long object, long offset, boolean noReserve, boolean accounted,
        int advice) {

    /**
     * Private anonymous memory: a new mapping's page offset is its address, and a moved one that was never
     * touched is given its new address's offset (Linux 6.x), so such pages always continue each other.
     * Nothing in the contract touches a page.
     */
    static final long PRIVATE_ANONYMOUS = 0;

    static final int RANDOM = 1;
    static final int SEQUENTIAL = 2;
    static final int HUGEPAGE = 4;
    static final int NOHUGEPAGE = 8;

    /** The page just above this one in the same VMA. */
    ReferencePage following() {
        return object == PRIVATE_ANONYMOUS ? this
                : new ReferencePage(prot, shared, object, offset + 1, noReserve, accounted, advice);
    }

    /** Whether Linux shows this page in the same VMA as {@code below}, the page just under it. */
    boolean continues(ReferencePage below) {
        return equals(below.following());
    }

    /**
     * After {@code mprotect(prot)}: {@code mprotect_fixup()} charges a private mapping that becomes writable
     * unless it is {@code MAP_NORESERVE}, and uncharges private anonymous memory that was never touched
     * when it stops being writable.
     */
    ReferencePage reprotected(int newProt) {
        boolean writable = (newProt & Prot.WRITE) != 0;
        boolean charge = accounted;
        if (writable && (prot & Prot.WRITE) == 0 && !shared && !noReserve) {
            charge = true;
        } else if (!writable && object == PRIVATE_ANONYMOUS) {
            charge = false;
        }
        return new ReferencePage(newProt, shared, object, offset, noReserve, charge, advice);
    }

    /** After {@code madvise(advice)}: the flags {@code madvise_behavior()} sets and clears. */
    ReferencePage advised(Advice given) {
        int flags = switch (given) {
            case NORMAL -> advice & ~(RANDOM | SEQUENTIAL);
            case RANDOM -> advice & ~SEQUENTIAL | RANDOM;
            case SEQUENTIAL -> advice & ~RANDOM | SEQUENTIAL;
            case HUGEPAGE -> advice & ~NOHUGEPAGE | HUGEPAGE;
            case NOHUGEPAGE -> advice & ~HUGEPAGE | NOHUGEPAGE;
            case WILLNEED, DONTNEED, FREE -> advice;
        };
        return new ReferencePage(prot, shared, object, offset, noReserve, accounted, flags);
    }
}
