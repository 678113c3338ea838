package org.vmatlas.model.internal;

import org.vmatlas.model.Backing;
import org.vmatlas.model.RegionState;

/**
 * Everything a region carries besides its range, interned by {@link Attrs} so that the core stores one
 * int per region. {@code delta} is the backing offset minus the region start: it is constant along a
 * mapping, so "offsets contiguous" (the kernel's merge condition) becomes "equal delta" and merging becomes
 * "equal attribute id". For private anonymous memory Linux keeps the page offset at address / page size,
 * so delta is 0 until {@code mremap} moves it.
 *
 * @param vmFlags hidden Linux VMA flags that stop merging: {@link #NORESERVE}, {@link #ACCOUNT}
 */
public record Attr(int prot, int maxProt, boolean shared, Backing.Kind kind, String name, long device, long inode,
        long delta, int vmFlags, RegionState state, boolean inferred, String label) {

    /** {@code VM_NORESERVE}: mapped with {@code MAP_NORESERVE}. */
    public static final int NORESERVE = 1;
    /** {@code VM_ACCOUNT}: a private writable mapping charged to the commit limit. */
    public static final int ACCOUNT = 2;
    /**
     * Set on every other one of adjacent mappings that {@code /proc/PID/maps} shows apart although nothing
     * visible tells them apart (the kernel keeps VMAs apart for reasons maps does not print: anon_vma, a
     * past split), so that the model keeps them apart too and counts mappings as the kernel does.
     */
    public static final int APART = 4;

    public Attr {
        if (name == null) {
            name = "";
        }
    }

    /** The same attributes with state and label cleared: what the kernel compares when it merges VMAs. */
    public Attr kernelPart() {
        return new Attr(prot, maxProt, shared, kind, name, device, inode, delta, vmFlags, RegionState.UNKNOWN, false,
                null);
    }

    public Attr withProt(int newProt) {
        return new Attr(newProt, maxProt, shared, kind, name, device, inode, delta, vmFlags, state, inferred, label);
    }

    public Attr withState(RegionState newState, boolean newInferred) {
        return new Attr(prot, maxProt, shared, kind, name, device, inode, delta, vmFlags, newState, newInferred, label);
    }

    public Attr withLabel(String newLabel) {
        return new Attr(prot, maxProt, shared, kind, name, device, inode, delta, vmFlags, state, inferred, newLabel);
    }

    public Attr withDelta(long newDelta) {
        return new Attr(prot, maxProt, shared, kind, name, device, inode, newDelta, vmFlags, state, inferred, label);
    }

    public Attr withVmFlags(int flags) {
        return new Attr(prot, maxProt, shared, kind, name, device, inode, delta, flags, state, inferred, label);
    }

    public Attr withObject(Backing.Kind newKind, String newName, long newDevice, long newInode, long newDelta) {
        return new Attr(prot, maxProt, shared, newKind, newName, newDevice, newInode, newDelta, vmFlags, state,
                inferred, label);
    }

    public boolean anonymous() {
        return kind == Backing.Kind.ANONYMOUS;
    }

    /** Backing of a region of these attributes starting at {@code start}. */
    public Backing backingAt(long start) {
        if (inode == 0) {
            // the kernel's own names of anonymous memory ([heap], [stack], [vdso], [anon:NAME]) are kept
            return name.isEmpty() ? Backing.anonymous() : new Backing(kind, name, 0, 0, 0);
        }
        return new Backing(kind, name, device, inode, Math.max(0, start + delta));
    }
}
